import ECADEngine
import ECADShapes
import Foundation

/// The embedded model's text encoder: `states = token_embedding[ids] + position_embedding[0..<L]`.
public struct EmbeddingTextEncoder: Sendable {
    /// `[V, D]`.
    public let tokenEmbedding: Tensor
    /// `[L, D]`.
    public let positionEmbedding: Tensor

    private struct Config: Decodable {
        // swiftlint:disable identifier_name
        let vocab_size: Int
        let max_length: Int
        let dim: Int
        // swiftlint:enable identifier_name
    }

    /// Sequence length `L`.
    public var maxLength: Int { positionEmbedding.shape[0] }
    /// Embedding width `D`.
    public var width: Int { positionEmbedding.shape[1] }

    /// Loads `config.json` and `model.safetensors` from `directory`.
    public static func load(directory: String) throws -> EmbeddingTextEncoder {
        let configPath = "\(directory)/config.json"
        guard let data = FileManager.default.contents(atPath: configPath),
            let config = try? JSONDecoder().decode(Config.self, from: data)
        else { throw WorkerError("\(configPath): expected {\"vocab_size\", \"max_length\", \"dim\"}") }
        let file = "\(directory)/model.safetensors"
        let reader = WeightReader(tensors: try SafeTensors.read(path: file), file: file)
        return EmbeddingTextEncoder(
            tokenEmbedding: try reader.tensor("token_embedding.weight", shape: [config.vocab_size, config.dim]),
            positionEmbedding: try reader.tensor("position_embedding.weight", shape: [config.max_length, config.dim]))
    }

    /// Caption states `[N, L, D]` and masks `[N, L]` for tokenized prompts (`[L]` ids and mask each).
    public func encode(_ tokenized: [ShapesTokens]) throws -> CaptionBatch {
        let (l, d) = (maxLength, width)
        var states: [Float] = []
        states.reserveCapacity(tokenized.count * l * d)
        for tokens in tokenized {
            guard tokens.ids.count == l else { throw WorkerError("token sequence of \(tokens.ids.count), encoder expects \(l)") }
            for (position, token) in tokens.ids.enumerated() {
                let id = Int(token)
                guard (0..<tokenEmbedding.shape[0]).contains(id) else { throw WorkerError("token id \(id) out of range") }
                for i in 0..<d { states.append(tokenEmbedding.scalars[id * d + i] + positionEmbedding.scalars[position * d + i]) }
            }
        }
        return CaptionBatch(
            states: Tensor(shape: [tokenized.count, l, d], scalars: states),
            mask: Tensor(shape: [tokenized.count, l], scalars: tokenized.flatMap(\.mask)))
    }
}

import Foundation
@testable import ECADEngine
import ECADSearch

/// Small random PixArt models built in memory (no files), with every tensor diffusers would save.
enum TestModels {
    static func configJSON(layers: Int = 2, heads: Int = 2, headDim: Int = 8, patch: Int = 2, inChannels: Int = 3,
                           outChannels: Int = 3, sampleSize: Int = 8, captionChannels: Int = 12) -> String {
        """
        {"num_attention_heads": \(heads), "attention_head_dim": \(headDim), "in_channels": \(inChannels),
         "out_channels": \(outChannels), "num_layers": \(layers), "cross_attention_dim": \(heads * headDim),
         "sample_size": \(sampleSize), "patch_size": \(patch), "caption_channels": \(captionChannels),
         "norm_type": "ada_norm_single", "activation_fn": "gelu-approximate", "attention_bias": true,
         "norm_elementwise_affine": false, "norm_eps": 1e-6}
        """
    }

    static func config(_ json: String) throws -> PixArtConfig {
        try JSONDecoder().decode(PixArtConfig.self, from: Data(json.utf8))
    }

    /// Every tensor name and shape of the model `config` describes.
    static func tensorShapes(_ c: PixArtConfig) -> [String: [Int]] {
        let d = c.innerDim
        let p = c.patchSize
        var shapes: [String: [Int]] = [
            "pos_embed.proj.weight": [d, c.inChannels, p, p], "pos_embed.proj.bias": [d],
            "adaln_single.emb.timestep_embedder.linear_1.weight": [d, 256],
            "adaln_single.emb.timestep_embedder.linear_1.bias": [d],
            "adaln_single.emb.timestep_embedder.linear_2.weight": [d, d],
            "adaln_single.emb.timestep_embedder.linear_2.bias": [d],
            "adaln_single.linear.weight": [6 * d, d], "adaln_single.linear.bias": [6 * d],
            "caption_projection.linear_1.weight": [d, c.captionChannels ?? d], "caption_projection.linear_1.bias": [d],
            "caption_projection.linear_2.weight": [d, d], "caption_projection.linear_2.bias": [d],
            "scale_shift_table": [2, d],
            "proj_out.weight": [p * p * c.resolvedOutChannels, d], "proj_out.bias": [p * p * c.resolvedOutChannels],
        ]
        for i in 0..<c.numLayers {
            let b = "transformer_blocks.\(i)"
            shapes["\(b).scale_shift_table"] = [6, d]
            for attn in ["attn1", "attn2"] {
                for proj in ["to_q", "to_k", "to_v", "to_out.0"] {
                    shapes["\(b).\(attn).\(proj).weight"] = [d, d]
                    shapes["\(b).\(attn).\(proj).bias"] = [d]
                }
            }
            shapes["\(b).ff.net.0.proj.weight"] = [4 * d, d]
            shapes["\(b).ff.net.0.proj.bias"] = [4 * d]
            shapes["\(b).ff.net.2.weight"] = [d, 4 * d]
            shapes["\(b).ff.net.2.bias"] = [d]
        }
        return shapes
    }

    static func randomTensors(_ c: PixArtConfig, seed: UInt64) -> [String: Tensor] {
        var rng = SplitMix64(seed: seed)
        var tensors: [String: Tensor] = [:]
        for (name, shape) in tensorShapes(c).sorted(by: { $0.key < $1.key }) {
            let fanIn = shape.count > 1 ? shape.dropFirst().reduce(1, *) : 4
            tensors[name] = Tensor.random(shape, scale: 1.5 / Float(fanIn).squareRoot(), generator: &rng)
        }
        return tensors
    }

    static func model(_ json: String = configJSON(), seed: UInt64 = 1) throws -> PixArtTransformer {
        let c = try config(json)
        let weights = try PixArtWeights(reader: WeightReader(tensors: randomTensors(c, seed: seed), file: "memory"), config: c)
        return PixArtTransformer(config: c, weights: weights)
    }

    /// Random captions `[n, tokens, Cc]` with the last `padding` tokens of the first prompt masked.
    static func captions(_ model: PixArtTransformer, count n: Int, tokens: Int = 5, padding: Int = 2, seed: UInt64) -> CaptionBatch {
        var rng = SplitMix64(seed: seed)
        let width = model.config.captionChannels ?? model.config.innerDim
        var mask = Tensor(repeating: 1, shape: [n, tokens])
        for j in (tokens - padding)..<tokens { mask.scalars[j] = 0 }
        return CaptionBatch(states: Tensor.random([n, tokens, width], generator: &rng), mask: mask)
    }
}

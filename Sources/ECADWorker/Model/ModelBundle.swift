import ECADCore
import ECADEngine
import ECADShapes
import Foundation

/// A text-to-image model folder in the embedded model's layout: `transformer/` (diffusers PixArt),
/// `text_encoder/`, `tokenizer/vocab.json`, `scheduler/scheduler_config.json` and `ecad.json`.
public struct ModelBundle: Sendable {
    /// The `ecad.json` defaults.
    public struct Defaults: Sendable, Decodable {
        public var name: String
        public var resolution: Int
        public var steps: Int
        public var guidanceScale: Float
        public var sampler: String
        enum CodingKeys: String, CodingKey {
            case name, resolution, steps, sampler
            case guidanceScale = "guidance_scale"
        }
    }

    /// The denoiser.
    public let transformer: PixArtTransformer
    /// The caption encoder.
    public let textEncoder: EmbeddingTextEncoder
    /// The tokenizer: the folder's `tokenizer/vocab.json`, encoded to the text encoder's length.
    public let tokenizer: ShapesVocabulary
    /// The sampler settings.
    public let scheduler: SchedulerConfig
    /// Name, resolution, steps, guidance and sampler.
    public let defaults: Defaults

    /// Loads every part of the folder at `directory`.
    public static func load(directory: String) throws -> ModelBundle {
        let defaultsPath = "\(directory)/ecad.json"
        guard let data = FileManager.default.contents(atPath: defaultsPath) else { throw WorkerError("\(defaultsPath): not readable") }
        let defaults: Defaults
        do { defaults = try JSONDecoder().decode(Defaults.self, from: data) } catch {
            throw WorkerError("\(defaultsPath): \(error)")
        }
        let encoder = try EmbeddingTextEncoder.load(directory: "\(directory)/text_encoder")
        return ModelBundle(
            transformer: try PixArtTransformer.load(directory: "\(directory)/transformer"),
            textEncoder: encoder,
            tokenizer: try ShapesVocabulary.load(path: "\(directory)/tokenizer/vocab.json", maxTokens: encoder.maxLength),
            scheduler: try SchedulerConfig.load(path: "\(directory)/scheduler/scheduler_config.json"),
            defaults: defaults)
    }

    /// A fresh sampler of the named kind (`dpmpp_2m` alias `dpm_solver++_2m`, `ddim`, `flow_euler`; `-` or `_`)
    /// for `steps` steps.
    public func makeSampler(_ name: String? = nil, steps: Int? = nil) throws -> any Sampler {
        let count = steps ?? defaults.steps
        // Spellings in use: the specs' "dpm_solver++_2m", the protocol docs' "dpmpp-2m", ecad.json's "dpmpp_2m".
        switch (name ?? defaults.sampler).lowercased().replacingOccurrences(of: "-", with: "_") {
        case "dpmpp_2m", "dpm_solver++_2m": return try DPMSolverMultistep(config: scheduler, steps: count)
        case "ddim": return try DDIMSampler(config: scheduler, steps: count)
        case "flow_euler": return try FlowMatchEulerSampler(config: scheduler, steps: count)
        case let other: throw WorkerError("unknown sampler \"\(other)\" (dpmpp_2m, ddim, flow_euler)")
        }
    }

    /// Generates one image per prompt, prompt `i` starting from the noise of `seeds[i]`, under `schedule`
    /// (nil computes everything), with classifier-free guidance against the empty prompt. Steps, guidance and
    /// sampler default to `ecad.json`.
    public func generate(
        prompts: [String], seeds: [UInt64], schedule: Schedule? = nil, steps: Int? = nil, guidanceScale: Float? = nil,
        sampler samplerName: String? = nil
    ) throws -> GenerationResult {
        guard prompts.count == seeds.count, !prompts.isEmpty else { throw WorkerError("need one seed per prompt") }
        let r = defaults.resolution
        let channels = transformer.config.inChannels
        let noise = Tensor.concatenate(outer: seeds.map { seed in
            var stream = GaussianNoise(seed: seed)
            return stream.tensor([1, channels, r, r])
        })
        let conditional = try textEncoder.encode(prompts.map(tokenizer.encode))
        let unconditional = try textEncoder.encode(Array(repeating: try tokenizer.encode(""), count: prompts.count))
        var sampler = try makeSampler(samplerName, steps: steps ?? schedule?.steps)
        return try DiffusionPipeline(model: transformer).generate(
            noise: noise, conditional: conditional, unconditional: unconditional,
            guidanceScale: guidanceScale ?? defaults.guidanceScale, sampler: &sampler, schedule: schedule)
    }
}

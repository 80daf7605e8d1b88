import ECADEngine

/// `ecad-worker trajectory`: a full guided sampling run from given noise and captions, for parity tests.
public enum TrajectoryDebug {
    /// Reads `noise` `[N, C, H, W]`, `cond_states`/`uncond_states` `[N, L, Cc]` and optional
    /// `cond_mask`/`uncond_mask` `[N, L]` from `input`; samples with `sampler` from the scheduler config in
    /// `schedulerConfig` under `scheduleSpec`; writes `images` and the cost figures to `output`.
    public static func run(
        modelDirectory: String, schedulerConfig: String, input: String, output: String, sampler name: String,
        steps: Int, guidanceScale: Float, scheduleSpec: String
    ) throws -> RunStatistics {
        let model = try PixArtTransformer.load(directory: modelDirectory)
        let config = try SchedulerConfig.load(path: schedulerConfig)
        let tensors = try SafeTensors.read(path: input)
        func required(_ name: String) throws -> Tensor {
            guard let tensor = tensors[name] else { throw WorkerError("\(input): tensor '\(name)' is missing") }
            return tensor
        }
        let conditional = CaptionBatch(states: try required("cond_states"), mask: tensors["cond_mask"])
        let unconditional = tensors["uncond_states"].map { CaptionBatch(states: $0, mask: tensors["uncond_mask"]) }
        var sampler: any Sampler
        switch name {
        case "dpmpp_2m": sampler = try DPMSolverMultistep(config: config, steps: steps)
        case "ddim": sampler = try DDIMSampler(config: config, steps: steps)
        case "flow_euler": sampler = try FlowMatchEulerSampler(config: config, steps: steps)
        default: throw WorkerError("unknown sampler \"\(name)\" (dpmpp_2m, ddim, flow_euler)")
        }
        let schedule = try ScheduleSpec.resolve(scheduleSpec, blocks: model.config.numLayers, steps: steps)
        let result = try DiffusionPipeline(model: model).generate(
            noise: try required("noise"), conditional: conditional, unconditional: unconditional,
            guidanceScale: guidanceScale, sampler: &sampler, schedule: schedule)
        let s = result.statistics
        try SafeTensors.write([
            "images": result.images,
            "executed_macs": Tensor(shape: [1], scalars: [Float(s.executedMACs)]),
            "peak_cache_bytes": Tensor(shape: [1], scalars: [Float(s.peakCacheBytes)]),
        ], to: output)
        return s
    }
}

import ECADEngine
import ECADMetrics

/// `ecad-worker sample`: one image for one prompt under a schedule, written as PNG.
public enum SampleDebug {
    /// Generates `prompt` with `seed` under `scheduleSpec` (see ``ScheduleSpec``) and writes `output`.
    /// - Returns: the run's cost figures.
    public static func run(modelDirectory: String, scheduleSpec: String, prompt: String, seed: UInt64, output: String) throws -> RunStatistics {
        let bundle = try ModelBundle.load(directory: modelDirectory)
        let schedule = try ScheduleSpec.resolve(
            scheduleSpec, blocks: bundle.transformer.config.numLayers, steps: bundle.defaults.steps)
        let result = try bundle.generate(prompts: [prompt], seeds: [seed], schedule: schedule)
        try RGBImage(sample: result.images, index: 0).writePNG(to: output)
        return result.statistics
    }
}

import ArgumentParser
import ECADWorker
import Foundation

/// `ecad-worker sample`: one PNG for a prompt under a cache schedule.
struct Sample: AsyncParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Generate one PNG for a prompt under a cache schedule.")
    @Option(help: "Model folder (models/shapes32 layout).") var model: String
    @Option(help: "uncached, fora:N, tgate:K, or an ecad.schedule/v1 file.") var schedule: String = "uncached"
    @Option(help: "The prompt.") var prompt: String
    @Option(help: "Noise seed.") var seed: UInt64 = 0
    @Option(help: "Output PNG path.") var out: String
    @OptionGroup var runtime: RuntimeOptions

    func run() async throws {
        runtime.apply()
        let (model, schedule, prompt, seed, out) = (model, schedule, prompt, seed, out)
        let stats = try await EngineThread.run {
            try SampleDebug.run(modelDirectory: model, scheduleSpec: schedule, prompt: prompt, seed: seed, output: out)
        }
        FileHandle.standardError.write(Data(
            "sample: \(String(format: "%.3f", stats.seconds)) s, \(stats.executedMACs) MACs, computed \(stats.computedComponents), reused \(stats.reusedComponents), peak cache \(stats.peakCacheBytes) B\n".utf8))
    }
}

import ECADCore
import ECADEngine
import Foundation

/// `ecad-worker bench`: sampling throughput per schedule and GEMM efficiency, as JSON lines on stdout.
public enum BenchmarkDebug {
    /// Runs the benchmarks for the transformer in `modelDirectory`; `schedules` are ``ScheduleSpec`` strings.
    public static func run(
        modelDirectory: String, images: Int, contextTokens: Int, steps: Int, schedules: [String], repeats: Int
    ) throws -> [String] {
        let model = try PixArtTransformer.load(directory: modelDirectory)
        let plans = try schedules.map { ($0, try ScheduleSpec.resolve($0, blocks: model.config.numLayers, steps: steps)) }
        var lines: [String] = []
        let timings = try EngineBenchmark.sampling(
            model: model, images: images, contextTokens: contextTokens, steps: steps, schedules: plans, repeats: repeats)
        for t in timings {
            lines.append(
                #"{"kind":"sampling","schedule":"\#(t.name)","images":\#(images),"steps":\#(steps),"threads":\#(EngineRuntime.threadCount),"seconds":\#(t.seconds),"images_per_second":\#(t.imagesPerSecond),"executed_macs":\#(t.executedMACs),"peak_cache_bytes":\#(t.peakCacheBytes)}"#)
        }
        for g in EngineBenchmark.gemm(model: model, batch: 2 * images, contextTokens: contextTokens, repeats: max(3, repeats)) {
            lines.append(
                #"{"kind":"gemm","m":\#(g.m),"n":\#(g.n),"k":\#(g.k),"engine_gflops":\#(g.engineGFLOPS),"bare_gflops":\#(g.bareGFLOPS)}"#)
        }
        return lines
    }
}

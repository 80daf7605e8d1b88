import ArgumentParser
import ECADEngine
import ECADWorker

/// Options every subcommand shares.
struct RuntimeOptions: ParsableArguments {
    @Option(help: "Engine threads (default: ECAD_THREADS, OPENBLAS_NUM_THREADS, or all cores).")
    var threads: Int?

    func apply() {
        EngineRuntime.keepActivationMemory()
        EngineRuntime.setThreadCount(EngineThread.threadCount(flag: threads))
    }
}

import ArgumentParser

/// The native worker: the protocol server (`serve`) and one-shot debugging commands.
@main
struct ECADWorkerCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "ecad-worker", abstract: "Native PixArt worker (AVX2 kernels, OpenBLAS where the CPU lacks AVX2 or ECAD_KERNELS=blas).",
        subcommands: [Serve.self, Oneshot.self, Forward.self, Sample.self, Trajectory.self, Bench.self],
        defaultSubcommand: Serve.self)
}

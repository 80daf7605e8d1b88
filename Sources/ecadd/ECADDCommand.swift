import ArgumentParser
import ECADDaemon
#if canImport(Glibc)
import Glibc
#endif

/// `ecadd`: the ecad daemon. Runs in the foreground; under systemd it is socket-activated.
@main
struct ECADDCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "ecadd",
        abstract: "The ecad daemon: a job queue for caching-schedule searches and image generation.")

    @Option(help: "API socket path (default: $XDG_RUNTIME_DIR/ecad/ecadd.sock, or /run/ecadd.sock under systemd).")
    var socket: String?

    @Option(name: .customLong("state-dir"), help: "State directory (default: $XDG_STATE_HOME/ecad, or /var/lib/ecadd under systemd).")
    var stateDir: String?

    @Option(help: "Worker slots: worker processes running at once (default: one per --devices entry, else 1).")
    var slots: Int?

    @Option(help: "Devices, one per slot, comma-separated (cuda:0,cuda:1): each slot's workers get its card.")
    var devices: String?

    @Option(name: .customLong("worker-threads"), help: "Engine threads of each worker (ECAD_THREADS; default: the worker's own).")
    var workerThreads: Int?

    @Option(help: "Worker executable spawned per job (default: ecad-worker beside ecadd).")
    var worker: String?

    @Option(name: .customLong("heartbeat-timeout"), help: "Seconds of worker silence before it is killed as hung.")
    var heartbeatTimeout = 30.0

    @Option(name: .customLong("idle-timeout"), help: "Seconds an API connection may wait for its next request before it is closed.")
    var idleTimeout = 60.0

    @Option(name: .customLong("max-connections-per-user"), help: "API connections one uid may have open (root and ecadd-admin are exempt).")
    var maxConnectionsPerUser = 64

    @Option(name: .customLong("limit"), help: "Set a spec limit, key=value (repeatable; keys and defaults: docs/operations.md).")
    var limits: [String] = []

    @Option(name: .customLong("shared-root"), help: "A folder spec paths may point into (repeatable; replaces the defaults: the models folder, jobs/ beside it, /usr/share/ecad).")
    var sharedRoots: [String] = []

    @OptionGroup var slurm: SlurmOptions

    mutating func run() async throws {
        signal(SIGPIPE, SIG_IGN)
        DaemonApp.bootstrapLogging()
        let app = try DaemonApp(
            socketPath: socket, stateDirectory: stateDir, slots: slots, workerExecutable: worker,
            heartbeatTimeout: heartbeatTimeout, idleTimeout: idleTimeout, maxConnectionsPerUser: maxConnectionsPerUser,
            limits: limits, sharedRoots: sharedRoots.isEmpty ? nil : sharedRoots,
            devices: devices.map { $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init) } ?? [],
            workerThreads: workerThreads, slurm: slurm.settings)
        try await app.run()
    }
}



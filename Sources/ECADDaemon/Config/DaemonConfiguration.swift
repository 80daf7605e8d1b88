import ECADCore
import Foundation

/// Everything `ecadd` is told by its flags and environment.
package struct DaemonConfiguration: Sendable {
    /// The API socket path (bound by hand, or the path of the inherited socket under systemd).
    package var socketPath: String
    /// The state directory: database, artifacts.
    package var stateDirectory: String
    /// Worker slots: how many jobs run at once.
    package var slots: Int
    /// The worker executable spawned per running job.
    package var workerExecutable: String
    /// Extra arguments for the worker.
    package var workerArguments: [String] = []
    /// Seconds between worker heartbeats (told to the worker in `hello`).
    package var heartbeatInterval: Double = 2
    /// A worker silent for longer than this is killed as hung.
    package var heartbeatTimeout: Duration = .seconds(30)
    /// How long a worker asked to stop may take before it is killed.
    package var stopGrace: Duration = .seconds(10)
    /// The scheduler loop's tick when nothing wakes it.
    package var tick: Duration = .milliseconds(500)
    /// An API connection with no request in progress for this long is closed.
    package var idleTimeout: Duration = .seconds(60)
    /// API connections one uid may have open at once; root and the admin group are exempt.
    package var maxConnectionsPerUser = 64
    /// The listening fd passed by systemd, if socket-activated.
    package var inheritedListener: Int32?
    /// Limits on spec fields and on a job's work (`--limit key=value`).
    package var limits = SpecLimits()
    /// Folders spec paths may point into (`--shared-root`); nil for the defaults.
    package var sharedRoots: [String]?
    /// Slurm settings (`--slurm-*`); when set, searches evaluate through Slurm.
    package var slurm: SlurmSettings?
    /// Software version, reported by /v1/health and `hello`.
    package var version = DaemonConfiguration.softwareVersion
    /// This build's version.
    package static let softwareVersion = "0.1.0"

    /// Creates a configuration.
    package init(socketPath: String, stateDirectory: String, slots: Int = 1, workerExecutable: String) {
        self.socketPath = socketPath
        self.stateDirectory = stateDirectory
        self.slots = slots
        self.workerExecutable = workerExecutable
    }

    /// Where the database lives.
    package var databasePath: String { (stateDirectory as NSString).appendingPathComponent("ecad.sqlite") }

    /// The directory a job's artifacts go to.
    package func artifactDirectory(job id: Int64) -> URL {
        URL(fileURLWithPath: stateDirectory).appendingPathComponent("artifacts").appendingPathComponent(String(id))
    }

    /// Default socket path: `/run/ecadd.sock` under systemd, else `$XDG_RUNTIME_DIR/ecad/ecadd.sock`
    /// (or `/tmp/ecad-<uid>/ecadd.sock` when that is unset).
    package static func defaultSocketPath(environment: [String: String], underSystemd: Bool) -> String {
        if underSystemd { return "/run/ecadd.sock" }
        if let runtime = environment["XDG_RUNTIME_DIR"], !runtime.isEmpty { return runtime + "/ecad/ecadd.sock" }
        return "/tmp/ecad-\(getuid())/ecadd.sock"
    }

    /// Default state directory: `$STATE_DIRECTORY` or `/var/lib/ecadd` under systemd, else
    /// `$XDG_STATE_HOME/ecad` (or `~/.local/state/ecad`).
    package static func defaultStateDirectory(environment: [String: String], underSystemd: Bool) -> String {
        if underSystemd {
            return environment["STATE_DIRECTORY"]?.split(separator: ":").first.map(String.init) ?? "/var/lib/ecadd"
        }
        if let state = environment["XDG_STATE_HOME"], !state.isEmpty { return state + "/ecad" }
        return (environment["HOME"] ?? NSHomeDirectory()) + "/.local/state/ecad"
    }
}

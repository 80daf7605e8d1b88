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
    /// The device each slot owns (`--devices cuda:0,cuda:1`); empty: none named (workers choose).
    package var devices: [String] = []
    /// Engine threads of each worker (`--worker-threads`, passed as `ECAD_THREADS`); nil: the worker's default.
    package var workerThreads: Int?
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

    /// The environment a worker of `job` in `slot` starts with (besides the daemon's own).
    package func workerEnvironment(job: JobID, slot: WorkerSlot) -> [String: String] {
        slot.environment(threads: workerThreads).merging(["ECAD_JOB_ID": "\(job)"]) { $1 }
    }

    /// The slot count for `--slots` and `--devices`: one slot per device when devices are given (`--slots`, if
    /// also given, must match), else `--slots` (default 1).
    /// - Throws: ``DaemonError/configuration(_:)`` for a mismatch, an empty or repeated device, or fewer than 1 slot.
    package static func slotCount(slots: Int?, devices: [String]) throws -> Int {
        if devices.isEmpty { return slots ?? 1 }
        if let bad = devices.first(where: { $0.isEmpty || $0.contains(where: \.isWhitespace) }) {
            throw DaemonError.configuration("--devices: \"\(bad)\" is not a device name (e.g. cuda:0)")
        }
        guard Set(devices).count == devices.count else {
            throw DaemonError.configuration("--devices: each device may be named once, got \(devices.joined(separator: ","))")
        }
        if let slots, slots != devices.count {
            throw DaemonError.configuration(
                "--slots \(slots) does not match the \(devices.count) devices of --devices (each slot owns one device)")
        }
        return devices.count
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

#if canImport(Glibc)
import Glibc
#endif
import ECADCore
import ECADStore
import Foundation
import Hummingbird
import Logging
import ServiceLifecycle

/// Builds the daemon from its configuration and runs it until SIGTERM or SIGINT.
public struct DaemonApp: Sendable {
    let configuration: DaemonConfiguration

    /// Creates the app from `ecadd`'s flags.
    /// - Parameters:
    ///   - socketPath: API socket path; nil for the default (see ``DaemonConfiguration``).
    ///   - stateDirectory: state directory; nil for the default.
    ///   - slots: worker slots (jobs running at once), at least 1; nil: one per device, else 1.
    ///   - workerExecutable: the worker to spawn per job; nil for `ecad-worker` beside `ecadd`.
    ///   - heartbeatTimeout: seconds of worker silence before it is killed as hung.
    ///   - idleTimeout: seconds an API connection may wait for its next request before it is closed.
    ///   - maxConnectionsPerUser: API connections one uid may have open (root and admins are exempt).
    ///   - limits: `key=value` settings of the spec limits (``SpecLimits/keys``).
    ///   - sharedRoots: folders spec paths may point into; nil for ``SharedRoots/defaults(modelsDirectory:)``.
    ///   - devices: the device each slot owns (`cuda:0`), one slot per device; empty: none named.
    ///   - workerThreads: engine threads per worker (`ECAD_THREADS`); nil: the worker's default.
    ///   - slurm: Slurm settings; when set (its shared directory must exist and be writable), searches evaluate
    ///     through Slurm.
    package init(
        socketPath: String?, stateDirectory: String?, slots: Int?, workerExecutable: String?,
        heartbeatTimeout: Double = 30, idleTimeout: Double = 60, maxConnectionsPerUser: Int = 64,
        limits: [String] = [], sharedRoots: [String]? = nil, devices: [String] = [], workerThreads: Int? = nil,
        slurm: SlurmSettings? = nil
    ) throws {
        let environment = ProcessInfo.processInfo.environment
        let inherited = SocketActivation.inheritedListener()
        let underSystemd = inherited != nil || environment["INVOCATION_ID"] != nil && environment["NOTIFY_SOCKET"] != nil
        let slots = try DaemonConfiguration.slotCount(slots: slots, devices: devices)
        guard slots >= 1 else { throw DaemonError.configuration("--slots must be at least 1, got \(slots)") }
        guard heartbeatTimeout > 0 else { throw DaemonError.configuration("--heartbeat-timeout must be positive") }
        guard idleTimeout > 0 else { throw DaemonError.configuration("--idle-timeout must be positive") }
        guard maxConnectionsPerUser >= 1 else {
            throw DaemonError.configuration("--max-connections-per-user must be at least 1, got \(maxConnectionsPerUser)")
        }
        let worker = workerExecutable
            ?? URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
            .appendingPathComponent("ecad-worker").path
        var configuration = DaemonConfiguration(
            socketPath: socketPath ?? DaemonConfiguration.defaultSocketPath(environment: environment, underSystemd: underSystemd),
            stateDirectory: stateDirectory
                ?? DaemonConfiguration.defaultStateDirectory(environment: environment, underSystemd: underSystemd),
            slots: slots, workerExecutable: worker)
        if let workerThreads, workerThreads < 1 {
            throw DaemonError.configuration("--worker-threads must be at least 1, got \(workerThreads)")
        }
        configuration.devices = devices
        configuration.workerThreads = workerThreads
        configuration.inheritedListener = inherited
        configuration.heartbeatTimeout = .milliseconds(Int64(heartbeatTimeout * 1000))
        configuration.heartbeatInterval = min(2, heartbeatTimeout / 4)
        configuration.idleTimeout = .milliseconds(Int64(idleTimeout * 1000))
        configuration.maxConnectionsPerUser = maxConnectionsPerUser
        for limit in limits {
            do { try configuration.limits.set(limit) } catch { throw DaemonError.configuration("--limit: \(error)") }
        }
        configuration.sharedRoots = sharedRoots
        try slurm?.validate()
        configuration.slurm = slurm
        self.configuration = configuration
    }

    /// Installs the process-wide log handler: the journal when stderr is the journal, else plain stderr.
    public static func bootstrapLogging() {
        LoggingSystem.bootstrap { label in
            if JournalLogHandler.isJournalStream { return JournalLogHandler(label: label) }
            return StreamLogHandler.standardError(label: label)
        }
    }

    /// Creates the socket's folder if missing, 0755 despite the umask: other users reach the socket through it.
    private static func createSocketDirectory(_ path: String) throws {
        guard !FileManager.default.fileExists(atPath: path) else { return }
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        chmod(path, 0o755)
    }

    /// Opens the store, requeues jobs orphaned by a previous daemon, and serves until a stop signal.
    public func run() async throws {
        let logger = Logger(label: "ecadd")
        PrivateStateDirectory.restrictUmask()
        try PrivateStateDirectory.prepare(configuration.stateDirectory, logger: logger)
        if configuration.inheritedListener == nil {
            try Self.createSocketDirectory((configuration.socketPath as NSString).deletingLastPathComponent)
        }
        let store = try Store(path: configuration.databasePath)
        for job in try await store.jobs.recoverOnStartup() {
            logger.notice("requeued after daemon restart", metadata: ["job.id": "\(job.id)", "job.restarts": "\(job.restarts)"])
        }
        let models = SearchRunner.defaultModelsDirectory()
        let policy = SpecPolicy(
            limits: configuration.limits,
            roots: SharedRoots(configuration.sharedRoots ?? SharedRoots.defaults(modelsDirectory: models)))
        logger.info("spec paths allowed under shared roots", metadata: ["roots": "\(policy.roots.paths)"])
        let runners: [JobKind: any JobRunner] = [
            .generate: GenerateRunner(modelsDirectory: models, registry: store.registry, policy: policy),
            .search: SearchRunner(
                modelsDirectory: models, policy: policy,
                slurm: configuration.slurm.map { ($0, [configuration.workerExecutable] + configuration.workerArguments) }),
            .evaluate: EvaluateRunner(modelsDirectory: models, policy: policy),
        ]
        let daemon = DaemonContext(
            configuration: configuration, store: store, policy: AccessPolicy(), running: RunningJobs(),
            wakeup: SchedulerWakeup(), runners: runners, startedAt: Date(), logger: logger)
        let router = Router(context: DaemonRequestContext.self)
        JobRoutes(daemon: daemon).register(on: router)
        JobDetailRoutes(daemon: daemon).register(on: router)
        ArtifactFileRoute(daemon: daemon).register(on: router)
        HealthRoutes(daemon: daemon).register(on: router)
        RegistryRoutes(daemon: daemon).register(on: router)
        UIRoutes(daemon: daemon).register(on: router)

        let notifier = SystemdNotifier()
        let listener: APIServer.Listener = configuration.inheritedListener.map { .inherited($0) } ?? .path(configuration.socketPath)
        let socketPath = configuration.socketPath
        let limiter = ConnectionLimiter(maxPerUser: configuration.maxConnectionsPerUser) { [policy = daemon.policy] uid in
            policy.isAdmin(uid: uid)
        }
        let server = APIServer(
            listener: listener, responder: router.buildResponder(), methods: RouteMethods(router.routes),
            idleTimeout: configuration.idleTimeout, limiter: limiter, logger: logger
        ) {
            notifier.ready(status: "listening on \(socketPath)")
            logger.info("ready", metadata: ["socket": "\(socketPath)"])
        }
        let scheduler = Scheduler(
            configuration: configuration, store: store, running: daemon.running,
            slots: SlotTable(count: configuration.slots, devices: configuration.devices), wakeup: daemon.wakeup,
            supervisor: WorkerSupervisor(configuration: configuration, store: store, runners: runners, logger: logger),
            notifier: notifier, logger: logger)
        let group = ServiceGroup(
            configuration: .init(
                services: [.init(service: server), .init(service: scheduler)],
                gracefulShutdownSignals: [.sigterm, .sigint], logger: logger))
        try await group.run()
        logger.info("stopped")
    }
}

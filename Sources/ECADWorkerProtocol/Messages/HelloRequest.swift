/// Daemon → worker: the first line the daemon sends. Answered by ``Capabilities``.
public struct HelloRequest: Codable, Sendable, Equatable {
    /// Protocol versions the daemon speaks.
    public var protocolVersions: [Int]
    /// Seconds between heartbeats the daemon expects.
    public var heartbeatInterval: Double
    /// The daemon's software version, for the worker's log.
    public var daemonVersion: String

    /// Creates a hello.
    public init(
        protocolVersions: [Int] = [WorkerProtocol.version],
        heartbeatInterval: Double = WorkerProtocol.defaultHeartbeatInterval,
        daemonVersion: String
    ) {
        self.protocolVersions = protocolVersions
        self.heartbeatInterval = heartbeatInterval
        self.daemonVersion = daemonVersion
    }
}

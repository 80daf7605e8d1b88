/// Every error the daemon's own code throws (store and protocol errors are wrapped or passed through).
package enum DaemonError: Error, Sendable, CustomStringConvertible, Equatable {
    /// A flag or path is unusable.
    case configuration(String)
    /// The listening socket could not be set up.
    case socket(String)
    /// SO_PEERCRED could not be read from a connection.
    case peerCredentials(String)
    /// The worker executable could not be started.
    case workerSpawn(String)
    /// The worker exited (or closed stdout) while a request was outstanding; the wait status is given.
    case workerExited(status: Int32)
    /// The worker broke the protocol.
    case workerProtocol(String)
    /// The worker answered a request with an error.
    case workerFailed(code: String, message: String)
    /// The job's spec cannot be run.
    case invalidSpec(field: String, message: String)
    /// The job was stopped (cancelled, held, requeued or the daemon is shutting down) while it ran.
    case stopped

    /// A readable explanation.
    package var description: String {
        switch self {
        case .configuration(let message): "configuration: \(message)"
        case .socket(let message): "socket: \(message)"
        case .peerCredentials(let message): "peer credentials: \(message)"
        case .workerSpawn(let message): "cannot start worker: \(message)"
        case .workerExited(let status): "worker exited unexpectedly (\(WaitStatus(status)))"
        case .workerProtocol(let message): "worker protocol error: \(message)"
        case .workerFailed(let code, let message): "worker error \(code): \(message)"
        case .invalidSpec(let field, let message): "spec field \"\(field)\": \(message)"
        case .stopped: "the job was stopped"
        }
    }
}

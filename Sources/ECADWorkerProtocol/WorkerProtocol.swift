/// Constants of the daemon ↔ worker JSON-lines protocol (docs/worker-protocol.md).
///
/// Every line on the worker's stdin and stdout is one JSON object with the envelope fields
/// `v` (protocol version), `type` (a ``WorkerMessageKind``) and, for requests and their answers, `id`.
/// Keys are snake_case. Stderr is the worker's free-form log.
public enum WorkerProtocol {
    /// The protocol version this build speaks.
    public static let version = 1
    /// The longest line either side accepts (16 MiB); longer lines are a protocol error.
    public static let maxLineBytes = 16 * 1024 * 1024
    /// The default interval between worker heartbeats, in seconds.
    public static let defaultHeartbeatInterval = 2.0
}

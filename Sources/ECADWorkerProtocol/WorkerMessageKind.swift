/// The `type` field of a protocol line.
public enum WorkerMessageKind: String, Codable, Sendable, CaseIterable {
    /// Daemon → worker: first message; the worker answers with ``capabilities``.
    case hello
    /// Worker → daemon: answer to ``hello``.
    case capabilities
    /// Daemon → worker: load a model.
    case load
    /// Daemon → worker: score a batch of schedules.
    case evaluate
    /// Daemon → worker: render images under one schedule.
    case generate
    /// Worker → daemon: progress of a running request.
    case progress
    /// Worker → daemon: liveness, sent every heartbeat interval even while busy.
    case heartbeat
    /// Worker → daemon: the answer to a request; `of` names the request kind.
    case result
    /// Worker → daemon: a request failed (or, without `id`, the worker is unusable).
    case error
    /// Daemon → worker: finish or abandon the current request, answer, and exit 0.
    case shutdown
}

/// A worker → daemon line.
public enum WorkerReply: Sendable, Equatable {
    /// Answer to `hello`.
    case capabilities(WorkerRequestID, Capabilities)
    /// Progress of a running request.
    case progress(WorkerRequestID, ProgressReport)
    /// Liveness.
    case heartbeat(Heartbeat)
    /// `result` of `load`.
    case loaded(WorkerRequestID, LoadResult)
    /// `result` of `evaluate`.
    case evaluated(WorkerRequestID, EvaluateResult)
    /// `result` of `generate`.
    case generated(WorkerRequestID, GenerateResult)
    /// `result` of `shutdown`: the worker exits next.
    case shutDown(WorkerRequestID)
    /// A request (or, with a nil id, the worker) failed.
    case failure(WorkerRequestID?, WorkerFailure)

    /// The request this line answers, if any.
    public var requestID: WorkerRequestID? {
        switch self {
        case .capabilities(let id, _), .progress(let id, _), .loaded(let id, _), .evaluated(let id, _),
            .generated(let id, _), .shutDown(let id):
            id
        case .heartbeat: nil
        case .failure(let id, _): id
        }
    }

    /// True for lines that end a request (results and errors).
    public var isFinal: Bool {
        switch self {
        case .progress, .heartbeat: false
        default: true
        }
    }
}

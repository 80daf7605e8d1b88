/// A daemon → worker line: a request and its id.
public struct WorkerCommand: Sendable, Equatable {
    /// The request body.
    public enum Request: Sendable, Equatable {
        /// Protocol negotiation.
        case hello(HelloRequest)
        /// Load a model.
        case load(LoadRequest)
        /// Score schedules.
        case evaluate(EvaluateRequest)
        /// Render images.
        case generate(GenerateRequest)
        /// Stop the worker.
        case shutdown(ShutdownRequest)

        /// The `type` written for this request.
        public var kind: WorkerMessageKind {
            switch self {
            case .hello: .hello
            case .load: .load
            case .evaluate: .evaluate
            case .generate: .generate
            case .shutdown: .shutdown
            }
        }
    }

    /// Request id, echoed by every answer.
    public var id: WorkerRequestID
    /// What is asked.
    public var request: Request

    /// Creates a command.
    public init(id: WorkerRequestID, request: Request) {
        self.id = id
        self.request = request
    }
}

import ECADWorkerProtocol

/// Request/answer exchanges with one ``WorkerProcess``; an actor, so the job's runner and its worker pool may
/// both hold it (requests are still answered one at a time).
///
/// Heartbeats are skipped here (the watchdog reads the process's silence); progress lines go to a callback.
package actor WorkerSession {
    /// The worker process.
    nonisolated package let process: WorkerProcess
    private var iterator: AsyncStream<WorkerProcess.Output>.Iterator
    private var nextRequest = 0
    /// The worker's answer to `hello`, once ``handshake(heartbeatInterval:daemonVersion:)`` ran.
    package private(set) var capabilities: Capabilities?
    /// The wait status once the worker exited.
    package private(set) var exitStatus: WaitStatus?

    /// Wraps a freshly spawned worker.
    package init(process: WorkerProcess) {
        self.process = process
        self.iterator = process.outputs.makeAsyncIterator()
    }

    /// Sends `hello` and checks the worker speaks this protocol version.
    package func handshake(heartbeatInterval: Double, daemonVersion: String) async throws -> Capabilities {
        let reply = try await call(
            .hello(HelloRequest(heartbeatInterval: heartbeatInterval, daemonVersion: daemonVersion)))
        guard case .capabilities(_, let capabilities) = reply else {
            throw DaemonError.workerProtocol("expected capabilities in answer to hello")
        }
        guard capabilities.protocolVersion == WorkerProtocol.version else {
            throw DaemonError.workerProtocol(
                "worker speaks protocol \(capabilities.protocolVersion), the daemon \(WorkerProtocol.version)")
        }
        self.capabilities = capabilities
        return capabilities
    }

    /// Sends a request and waits for its result or error.
    /// - Throws: ``DaemonError/workerFailed(code:message:)`` for an error answer,
    ///   ``DaemonError/workerExited(status:)`` when the worker dies first.
    package func call(
        _ request: WorkerCommand.Request, onProgress: @Sendable (ProgressReport) async -> Void = { _ in }
    ) async throws -> WorkerReply {
        nextRequest += 1
        let id = WorkerRequestID(rawValue: String(nextRequest))
        try process.send(WorkerCommand(id: id, request: request))
        while let output = await nextOutput() {
            switch output {
            case .exited(let status):
                exitStatus = status
                throw DaemonError.workerExited(status: status.raw)
            case .invalid(let error):
                throw DaemonError.workerProtocol(error.description)
            case .reply(let reply):
                if case .progress(let replyID, let report) = reply, replyID == id {
                    await onProgress(report)
                } else if case .failure(let replyID, let failure) = reply, replyID == id || replyID == nil {
                    throw DaemonError.workerFailed(code: failure.code, message: failure.message)
                } else if reply.isFinal, reply.requestID == id {
                    return reply
                }
            }
        }
        throw DaemonError.workerExited(status: exitStatus?.raw ?? -1)
    }

    /// Reads and drops the worker's remaining output until it exits (the watchdog kills it if it lingers).
    package func drainUntilExit() async -> WaitStatus? {
        while exitStatus == nil, let output = await nextOutput() {
            if case .exited(let status) = output { exitStatus = status }
        }
        return exitStatus
    }

    /// The worker's next output (an actor cannot lend its stored iterator to an async call, so this steps a copy:
    /// the iterator is a handle on the stream's shared buffer).
    private func nextOutput() async -> WorkerProcess.Output? {
        var copy = iterator
        defer { iterator = copy }
        return await copy.next(isolation: #isolation)
    }
}

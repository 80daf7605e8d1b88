import ECADAPI
import ECADCore
import ECADStore
import Hummingbird
import NIOCore

/// `/v1/jobs/{id}/events|logs|front|artifacts`.
struct JobDetailRoutes {
    let daemon: DaemonContext

    func register(on router: Router<DaemonRequestContext>) {
        router.get("/v1/jobs/:id/events") { request, context in try await events(request, context) }
        router.get("/v1/jobs/:id/logs") { request, context in try await logs(request, context) }
        router.get("/v1/jobs/:id/artifacts") { _, context in
            let id = try RequestReading.jobID(context)
            let items = try await daemon.store.artifacts.list(job: id).map {
                ArtifactListResponse.Item(kind: $0.kind, path: $0.relativePath, sha256: $0.sha256, bytes: $0.bytes)
            }
            return try JSONResponse.make(ArtifactListResponse(jobID: id.rawValue, artifacts: items))
        }
        router.get("/v1/jobs/:id/front") { _, context -> Response in
            let id = try RequestReading.jobID(context)
            let job = try await daemon.store.jobs.job(id)
            guard job.kind == .search else {
                throw APIFailure.notFound("job \(id) is a \(job.kind.rawValue) job; only search jobs have a front")
            }
            guard let front = try await FrontReader.view(job: id, store: daemon.store) else {
                throw APIFailure.notFound("job \(id) has no checkpoint yet, so no front")
            }
            return try JSONResponse.make(front)
        }
    }

    /// Events after `?after=N`; with `?follow=1`, a stream of JSON lines (each a ``JobEventListResponse`` with
    /// the new events and the job's current view) that ends when the job reaches a terminal state. A line with
    /// no events goes out at least every half idle timeout (15 s at most): the stream is never idle, and a
    /// client that went away is noticed at the next write, which frees its connection.
    private func events(_ request: Request, _ context: DaemonRequestContext) async throws -> Response {
        let id = try RequestReading.jobID(context)
        let after = try RequestReading.integer(request, "after") ?? 0
        let store = daemon.store
        let first = try await store.jobs.events(after: after, job: id)
        let job = try await store.jobs.job(id)
        let page = JobEventListResponse(events: first.map(JobEventView.init), job: JobView(job, includeSpec: false, running: daemon.running))
        guard try RequestReading.flag(request, "follow") else { return try JSONResponse.make(page) }

        let keepAlive = min(.seconds(15), daemon.configuration.idleTimeout / 2)
        let body = ResponseBody { writer in
            try await writer.write(JSONResponse.line(page))
            var cursor = first.last?.id ?? after
            var last = job
            var written = ContinuousClock.now
            while !last.state.isTerminal {
                try await Task.sleep(for: .milliseconds(100))
                let events = try await store.jobs.events(after: cursor, job: id)
                let current = try await store.jobs.job(id)
                guard !events.isEmpty || current != last || ContinuousClock.now - written >= keepAlive else { continue }
                cursor = events.last?.id ?? cursor
                last = current
                written = .now
                try await writer.write(JSONResponse.line(
                    JobEventListResponse(events: events.map(JobEventView.init), job: JobView(current, includeSpec: false, running: daemon.running))))
            }
            try await writer.finish(nil)
        }
        return Response(status: .ok, headers: [.contentType: "application/x-ndjson"], body: body)
    }

    private func logs(_ request: Request, _ context: DaemonRequestContext) async throws -> Response {
        let id = try RequestReading.jobID(context)
        let job = try await daemon.store.jobs.job(id)
        guard daemon.policy.mayAct(uid: context.peer.uid, onJobOwnedBy: job.ownerUID) else {
            throw APIFailure.forbidden("uid \(context.peer.uid) may not read the logs of job \(id) of \(job.ownerName)")
        }
        let after = try RequestReading.integer(request, "after") ?? 0
        let lines = try await daemon.store.logs.lines(job: id, after: after).map {
            JobLogResponse.Line(id: $0.id, time: $0.time, stream: $0.stream.rawValue, text: $0.text)
        }
        return try JSONResponse.make(JobLogResponse(jobID: id.rawValue, lines: lines))
    }
}

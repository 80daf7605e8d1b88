import ECADAPI
import ECADCore
import ECADStore
import Hummingbird

/// `/v1/jobs`: submit, list, show, and the state actions (cancel, hold, release, requeue).
struct JobRoutes {
    let daemon: DaemonContext

    func register(on router: Router<DaemonRequestContext>) {
        router.post("/v1/jobs") { request, context in try await submit(request, context) }
        router.get("/v1/jobs") { request, context in try await list(request, context) }
        router.get("/v1/jobs/:id") { _, context in
            try JSONResponse.make(JobView(try await daemon.store.jobs.job(RequestReading.jobID(context)), includeSpec: true, running: daemon.running))
        }
        for action in ActionRequest.Action.allCases {
            router.post("/v1/jobs/:id/\(action.rawValue)") { _, context in try await perform(action, context) }
        }
    }

    private func submit(_ request: Request, _ context: DaemonRequestContext) async throws -> Response {
        let submission = try await RequestReading.body(request, as: SubmitJobRequest.self, limit: Self.maxSubmitBytes)
        let kind = submission.kind
        guard case .object = submission.spec else {
            throw APIFailure.badRequest("spec must be an object, not \(submission.spec.typeName)", field: "spec")
        }
        let priority = submission.priority ?? 0
        guard priority <= Self.defaultPriority || daemon.policy.isAdmin(uid: context.peer.uid) else {
            throw APIFailure.forbidden(
                "only administrators may raise a job's priority above the default (\(Self.defaultPriority)); got \(priority)",
                field: "priority")
        }
        let name = try submission.name ?? Self.specName(submission.spec)
        try await daemon.runners[kind]?.validate(spec: submission.spec)
        try await PublishNameCheck(registry: daemon.store.registry, policy: daemon.policy)
            .check(submission.spec, kind: kind, uid: context.peer.uid)
        let job = try await daemon.store.jobs.submit(
            NewJob(
                kind: kind, specJSON: try APIJSON.text(of: submission.spec), ownerUID: context.peer.uid,
                ownerName: AccessPolicy.userName(uid: context.peer.uid), priority: priority,
                name: name))
        daemon.wakeup.wake()
        daemon.logger.info("job submitted", metadata: ["job.id": "\(job.id)", "peer.uid": "\(context.peer.uid)"])
        return try JSONResponse.make(JobView(job, includeSpec: true, running: daemon.running), status: .created)
    }

    /// The priority every user may give (or go below); above it is for administrators, as in Slurm.
    static let defaultPriority = 0

    /// The largest submit body: a spec of ``InputLimits/maxSpecBytes`` plus the request around it (other routes
    /// keep 1 MiB).
    static let maxSubmitBytes = InputLimits.maxSpecBytes + (64 << 10)

    /// The spec's own `name` field, shown by `ecad queue` when the request names the job no other way.
    /// - Throws: ``StoreError/invalidInput(field:message:)`` naming `spec.name` when it is no valid job name.
    private static func specName(_ spec: JSONValue) throws(StoreError) -> String? {
        guard case .string(let name)? = spec["name"] else { return nil }
        try InputLimits.validateJobName(name, field: "spec.name")
        return name
    }

    private func list(_ request: Request, _ context: DaemonRequestContext) async throws -> Response {
        let filter = try JobListQuery.filter(request)
        let jobs = try await daemon.store.jobs.list(filter)
        return try JSONResponse.make(JobListResponse(jobs: jobs.map { JobView($0, includeSpec: false, running: daemon.running) }))
    }

    private func perform(_ action: ActionRequest.Action, _ context: DaemonRequestContext) async throws -> Response {
        let id = try RequestReading.jobID(context)
        let job = try await daemon.store.jobs.job(id)
        let uid = context.peer.uid
        guard daemon.policy.mayAct(uid: uid, onJobOwnedBy: job.ownerUID) else {
            throw APIFailure.forbidden("uid \(uid) may not \(action.rawValue) job \(id) of \(job.ownerName)")
        }
        let after: Job
        switch action {
        case .cancel: after = try await daemon.store.jobs.cancel(id, by: uid)
        case .hold:
            let reason: JobReason = uid == job.ownerUID ? .jobHeldUser : .jobHeldAdmin
            after = try await daemon.store.jobs.hold(id, by: uid, reason: reason)
        case .release: after = try await daemon.store.jobs.release(id, by: uid)
        case .requeue: after = try await daemon.store.jobs.requeue(id, by: uid)
        }
        if job.state == .running { daemon.running.stop(id, reason: .external) }
        daemon.wakeup.wake()
        daemon.logger.info(
            "job \(action.rawValue)", metadata: ["job.id": "\(id)", "peer.uid": "\(uid)", "job.state": "\(after.state.rawValue)"])
        return try JSONResponse.make(JobView(after, includeSpec: false, running: daemon.running))
    }
}

import ECADCore
import HTTPTypes
import Hummingbird

/// The dashboard under `/ui/` (docs/dashboard.md): server-rendered pages, GET only, authorized per peer uid
/// like the API (a page shows nothing the API would refuse the viewer). Actions go through `/v1` from `app.js`.
struct UIRoutes {
    let daemon: DaemonContext

    func register(on router: Router<DaemonRequestContext>) {
        router.get("/ui") { request, context in
            try await page { try await QueuePage(store: daemon.store, running: daemon.running, viewer: viewer(context)).render(request) }
        }
        router.get("/ui/jobs/:id") { _, context in
            try await page { try await JobPage(daemon: daemon, viewer: viewer(context)).render(RequestReading.jobID(context)) }
        }
        router.get("/ui/schedules/:digest") { request, context in
            try await page {
                try await SchedulePage(daemon: daemon)
                    .render(digest: context.parameters.get("digest") ?? "", job: RequestReading.query(request, "job"))
            }
        }
        router.get("/ui/schedules/:digest/download") { request, context in
            try await page {
                try await SchedulePage(daemon: daemon).download(
                    digest: context.parameters.get("digest") ?? "", job: RequestReading.query(request, "job"),
                    format: RequestReading.query(request, "format"))
            }
        }
        router.get("/ui/registry") { request, _ in
            try await page { try await RegistryPage(registry: daemon.store.registry).render(request) }
        }
        router.get("/ui/static/:file") { _, context -> Response in
            guard let file = UIStaticFiles.file(named: context.parameters.get("file") ?? "") else {
                return Self.notFound("No such file.")
            }
            return UIPage.response(
                status: .ok, contentType: file.contentType, bytes: file.bytes, extra: [.cacheControl: "max-age=300"])
        }
    }

    private func viewer(_ context: DaemonRequestContext) -> UIViewer {
        UIViewer(uid: context.peer.uid, policy: daemon.policy)
    }

    /// Runs a page's renderer; an error becomes an HTML error page with the API's status and message.
    private func page(_ render: () async throws -> Response) async throws -> Response {
        do {
            return try await render()
        } catch {
            let failure = APIFailure.from(error)
            let title = failure.status == .notFound ? "Not found" : failure.status.reasonPhrase
            return UIPage.error(failure.status, title: title, message: failure.body.error.message)
        }
    }

    /// The dashboard's 404 page.
    static func notFound(_ message: String) -> Response {
        UIPage.error(.notFound, title: "Not found", message: message)
    }
}

import ECADCore
import ECADStore
import Foundation
import Hummingbird
import NIOCore

/// `GET /v1/jobs/{id}/artifacts/file?path=REL`: the bytes of one artifact a job recorded.
///
/// Only paths in the job's artifact index are served (the index refuses absolute paths, `..` and control
/// characters when an artifact is recorded, and the lookup is by exact path), so a hostile `path` can name
/// nothing outside the job's folder. The owner, root and `ecadd-admin` members may read; the file's sha256 is
/// checked against the index before it is sent (the listing carries it, for the client to check again).
struct ArtifactFileRoute {
    let daemon: DaemonContext

    /// Largest artifact served in one response.
    static let maxBytes: Int64 = 256 << 20

    func register(on router: Router<DaemonRequestContext>) {
        router.get("/v1/jobs/:id/artifacts/file") { request, context in try await file(request, context) }
    }

    private func file(_ request: Request, _ context: DaemonRequestContext) async throws -> Response {
        let id = try RequestReading.jobID(context)
        guard let path = RequestReading.query(request, "path"), !path.isEmpty else {
            throw APIFailure.badRequest("query parameter path is required (a path from GET /v1/jobs/\(id)/artifacts)", field: "path")
        }
        let job = try await daemon.store.jobs.job(id)
        guard daemon.policy.mayAct(uid: context.peer.uid, onJobOwnedBy: job.ownerUID) else {
            throw APIFailure.forbidden("uid \(context.peer.uid) may not read the artifacts of job \(id) of \(job.ownerName)")
        }
        guard let artifact = try await daemon.store.artifacts.artifact(job: id, path: path) else {
            throw APIFailure.notFound("job \(id) has no artifact \"\(path.prefix(200))\"")
        }
        guard artifact.bytes <= Self.maxBytes else {
            throw APIFailure.badRequest("artifact \(path) has \(artifact.bytes) bytes, more than \(Self.maxBytes) served at once", field: "path")
        }
        let url = daemon.configuration.artifactDirectory(job: id.rawValue).appendingPathComponent(artifact.relativePath)
        guard let data = FileManager.default.contents(atPath: url.path) else {
            throw APIFailure.notFound("artifact \(path) of job \(id) is indexed but its file is missing from the state dir")
        }
        guard SHA256.hexDigest(data) == artifact.sha256 else {
            throw APIFailure.notFound("artifact \(path) of job \(id) no longer matches its recorded sha256")
        }
        return Response(status: .ok, headers: [.contentType: Self.contentType(of: artifact.relativePath)], body: ResponseBody(byteBuffer: ByteBuffer(bytes: data)))
    }

    /// The media type by file extension.
    static func contentType(of path: String) -> String {
        switch path.split(separator: ".").last.map({ $0.lowercased() }) {
        case "png": "image/png"
        case "svg": "image/svg+xml"
        case "html": "text/html; charset=utf-8"
        case "json": "application/json"
        case "csv": "text/csv; charset=utf-8"
        case "txt": "text/plain; charset=utf-8"
        default: "application/octet-stream"
        }
    }
}

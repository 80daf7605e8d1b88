import ECADAPI
import ECADCore
import Foundation

/// Copies a job's artifacts out of the daemon into a local folder, checking every file's sha256 against the
/// job's artifact index and refusing paths that would land outside the folder.
struct ArtifactDownloader {
    /// The API client.
    let api: APIClient

    /// The job's artifact listing.
    func list(_ job: Int64) throws(CLIError) -> ArtifactListResponse {
        let body = try api.raw("/v1/jobs/\(job)/artifacts")
        do { return try APIJSON.makeDecoder().decode(ArtifactListResponse.self, from: body) } catch {
            throw CLIError.badResponse("\(error)")
        }
    }

    /// Downloads `items` (all of the job's artifacts when nil) into `directory`; returns the written paths.
    @discardableResult
    func download(_ job: Int64, paths: [String]? = nil, into directory: String) throws(CLIError) -> [String] {
        let listing = try list(job).artifacts
        let wanted: [ArtifactListResponse.Item]
        if let paths {
            wanted = try paths.map { (path: String) throws(CLIError) -> ArtifactListResponse.Item in
                guard let item = listing.first(where: { $0.path == path }) else {
                    throw CLIError.usage("job \(job) has no artifact \"\(path)\"; `ecad artifacts \(job)` lists them")
                }
                return item
            }
        } else {
            wanted = listing
        }
        let root = URL(fileURLWithPath: directory, isDirectory: true).standardizedFileURL
        var written: [String] = []
        for item in wanted {
            let segments = item.path.split(separator: "/", omittingEmptySubsequences: false)
            guard !item.path.hasPrefix("/"), !segments.contains(where: { $0.isEmpty || $0 == "." || $0 == ".." }) else {
                throw CLIError.badResponse("refusing artifact path \"\(item.path)\": not a plain relative path")
            }
            let response = try api.http.send("GET", "/v1/jobs/\(job)/artifacts/file?path=\(RegistryClient.escape(item.path))")
            try api.check(response)
            guard SHA256.hexDigest(response.body) == item.sha256 else {
                throw CLIError.badResponse("artifact \(item.path) arrived with a different sha256 than the index says")
            }
            let target = root.appendingPathComponent(item.path)
            do {
                try FileManager.default.createDirectory(at: target.deletingLastPathComponent(), withIntermediateDirectories: true)
                try response.body.write(to: target, options: .atomic)
            } catch {
                throw CLIError.usage("cannot write \(target.path): \(error.localizedDescription)")
            }
            written.append(target.path)
        }
        return written
    }
}

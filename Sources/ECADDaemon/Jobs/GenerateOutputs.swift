import ECADCore
import ECADStore
import ECADWorkerProtocol
import Foundation

/// What a `generate` job leaves in its artifact folder: the worker's PNGs and, when the spec asked for one, the
/// worker's `grid.png` (indexed, each checked to lie inside the folder), and `images.json` (prompt, seed, latency
/// and MACs per image). The daemon draws nothing itself: images are the worker's business.
struct GenerateOutputs {
    /// One line of `images.json`.
    struct Entry: Codable {
        var path: String
        var prompt: String
        var seed: UInt64
        var latencySeconds: Double
        var macs: Double
    }

    /// The job's artifact folder.
    let directory: URL
    /// The store the artifacts are indexed in.
    let store: Store
    /// The job.
    let job: JobID

    /// Indexes the images and the grid, then writes and indexes `images.json`.
    func record(_ result: GenerateResult, prompts: [String]) async throws {
        var entries: [Entry] = []
        for image in result.images {
            guard prompts.indices.contains(image.promptIndex) else {
                throw DaemonError.workerProtocol("image \(image.path) names no prompt")
            }
            let relative = try await index(image.path, kind: "image")
            entries.append(Entry(
                path: relative, prompt: prompts[image.promptIndex], seed: image.seed,
                latencySeconds: image.latencySeconds, macs: image.macs))
        }
        if let grid = result.grid { _ = try await index(grid, kind: "grid") }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        try await save(try encoder.encode(entries), as: "images.json", kind: "table", write: true)
    }

    /// Indexes a file the worker wrote, refusing paths outside the artifact folder; returns its relative path.
    private func index(_ path: String, kind: String) async throws -> String {
        let root = directory.standardizedFileURL.resolvingSymlinksInPath().path + "/"
        let file = URL(fileURLWithPath: path).standardizedFileURL.resolvingSymlinksInPath()
        guard file.path.hasPrefix(root) else {
            throw DaemonError.workerProtocol("\(kind) \(path) is outside the artifact directory")
        }
        let relative = String(file.path.dropFirst(root.count))
        try await save(try Data(contentsOf: file), as: relative, kind: kind, write: false)
        return relative
    }

    private func save(_ data: Data, as relative: String, kind: String, write: Bool) async throws {
        if write { try data.write(to: directory.appendingPathComponent(relative), options: .atomic) }
        try await store.artifacts.record(
            Artifact(kind: kind, relativePath: relative, sha256: SHA256.hexDigest(data), bytes: Int64(data.count)),
            job: job)
    }
}

import ECADCore
import ECADMetrics
import ECADStore
import ECADWorkerProtocol
import Foundation

/// What a `generate` job leaves in its artifact folder: the worker's PNGs (indexed, each checked to lie inside
/// the folder), `images.json` (prompt, seed, latency and MACs per image) and, when asked for, `grid.png`
/// (rows = prompts, columns = seeds, or `output.columns` columns).
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

    /// Indexes the images, then writes and indexes `images.json` and the grid.
    func record(_ result: GenerateResult, prompts: [String], grid: GenerateSpec.Output) async throws {
        let root = directory.standardizedFileURL.resolvingSymlinksInPath().path + "/"
        var entries: [Entry] = []
        var images: [ImageCell] = []
        for image in result.images {
            let file = URL(fileURLWithPath: image.path).standardizedFileURL.resolvingSymlinksInPath()
            guard file.path.hasPrefix(root), prompts.indices.contains(image.promptIndex) else {
                throw DaemonError.workerProtocol("image \(image.path) is outside the artifact directory or names no prompt")
            }
            let data = try Data(contentsOf: file)
            let relative = String(file.path.dropFirst(root.count))
            try await save(data, as: relative, kind: "image", write: false)
            entries.append(Entry(
                path: relative, prompt: prompts[image.promptIndex], seed: image.seed,
                latencySeconds: image.latencySeconds, macs: image.macs))
            images.append(ImageCell(prompt: image.promptIndex, seed: image.seed, png: Array(data)))
        }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        try await save(try encoder.encode(entries), as: "images.json", kind: "table", write: true)
        if grid.grid, !images.isEmpty {
            try await save(Data(try gridPNG(images, prompts: prompts, columns: grid.columns)), as: "grid.png", kind: "grid", write: true)
        }
    }

    private struct ImageCell {
        var prompt: Int
        var seed: UInt64
        var png: [UInt8]
    }

    /// The grid: one row per prompt (seeds across), or rows of `columns` cells in result order.
    private func gridPNG(_ cells: [ImageCell], prompts: [String], columns: Int?) throws -> [UInt8] {
        let decoded = try cells.map { try PNGDecoder.decode($0.png) }
        if let columns {
            let rows = stride(from: 0, to: decoded.count, by: columns).map { start in
                decoded[start..<min(start + columns, decoded.count)].map(Optional.some)
            }
            return try ImageGrid(rows: rows, scale: 4).pngData()
        }
        let seeds = cells.map(\.seed).reduce(into: [UInt64]()) { if !$0.contains($1) { $0.append($1) } }
        let used = cells.map(\.prompt).reduce(into: [Int]()) { if !$0.contains($1) { $0.append($1) } }
        let rows = used.map { prompt in
            seeds.map { seed in
                cells.firstIndex { $0.prompt == prompt && $0.seed == seed }.map { decoded[$0] }
            }
        }
        return try ImageGrid(
            rows: rows, rowLabels: used.map { String(prompts[$0].prefix(40)) },
            columnLabels: seeds.map { "seed \($0)" }, scale: 4
        ).pngData()
    }

    private func save(_ data: Data, as relative: String, kind: String, write: Bool) async throws {
        if write { try data.write(to: directory.appendingPathComponent(relative), options: .atomic) }
        try await store.artifacts.record(
            Artifact(kind: kind, relativePath: relative, sha256: SHA256.hexDigest(data), bytes: Int64(data.count)),
            job: job)
    }
}

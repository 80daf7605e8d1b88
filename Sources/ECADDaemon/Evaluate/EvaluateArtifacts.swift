import ECADCore
import ECADReport
import ECADStore
import Foundation

/// Writes an evaluate job's files into its artifact folder and records each one in the store:
/// `table.txt`, `table.csv`, `table.json`, `pareto.svg`, `report.html`, and every image the worker wrote under
/// `images/`.
package struct EvaluateArtifacts {
    /// The job's artifact folder.
    package let directory: URL
    /// The store.
    package let store: Store
    /// The job.
    package let job: JobID

    /// Writes and records the report files; returns their relative paths.
    @discardableResult
    package func write(_ report: EvaluationReport, notes: [String]) async throws -> [String] {
        let html = report.html(notes: notes) { path in
            try? Array(Data(contentsOf: directory.appendingPathComponent(path)))
        }
        let files: [(String, String, Data)] = [
            ("table.txt", "table", Data(TextTableFormatter.format(report.table()).utf8)),
            ("table.csv", "table", Data(CSVWriter.write(report.table()).utf8)),
            ("table.json", "table", try report.json()),
            ("pareto.svg", "plot", Data(report.plot().svg().utf8)),
            ("report.html", "report", Data(html.utf8)),
        ]
        for (name, kind, data) in files {
            try data.write(to: directory.appendingPathComponent(name), options: .atomic)
            try await record(name, kind: kind, data: data)
        }
        return files.map(\.0)
    }

    /// Records every PNG under `images/` (sorted paths); returns how many.
    @discardableResult
    package func recordImages() async throws -> Int {
        let folder = directory.appendingPathComponent("images")
        guard let walker = FileManager.default.enumerator(atPath: folder.path) else { return 0 }
        let paths = walker.compactMap { $0 as? String }.filter { $0.hasSuffix(".png") }.sorted()
        for path in paths {
            let relative = "images/" + path
            let file = directory.appendingPathComponent(relative)
            guard !isSymbolicLink(file) else { continue }
            try await record(relative, kind: "image", data: try Data(contentsOf: file))
        }
        return paths.count
    }

    private func record(_ relativePath: String, kind: String, data: Data) async throws {
        try await store.artifacts.record(
            Artifact(kind: kind, relativePath: relativePath, sha256: SHA256.hexDigest(data), bytes: Int64(data.count)),
            job: job)
    }

    private func isSymbolicLink(_ file: URL) -> Bool {
        (try? FileManager.default.destinationOfSymbolicLink(atPath: file.path)) != nil
    }
}

import ECADCore
import Foundation

/// Reads a search's calibration prompts from its ``PromptSource``.
///
/// - `.inline`: as written.
/// - `.file(path)`: one prompt per line (blank lines and lines starting with `#` skipped), or a JSON list
///   of strings (``PromptSource/prompts(inFile:)``). The path is already the real path under a shared root
///   (``SpecPolicy/admit(_:)``); the CLI sends a user's own files inline.
/// - `.set(name)`: the model folder's `prompts/<name>.txt`, else the repository's
///   `jobs/prompts/<family>-<name>.txt` beside the models directory (`family` is the model id without
///   trailing digits: `shapes32` → `jobs/prompts/shapes-calibration.txt`).
///
/// `limit` keeps the first N. The prompt-set digest is sha256 of the prompts joined by `\n`.
package enum SearchPrompts {
    /// The prompts, in order.
    /// - Throws: ``DaemonError/invalidSpec(field:message:)`` naming `search.prompts`.
    package static func load(_ source: PromptSource, limit: Int?, model: SearchModel) throws(DaemonError) -> [String] {
        var prompts: [String]
        switch source {
        case .inline(let list):
            prompts = list
        case .file(let path):
            prompts = try read(URL(fileURLWithPath: path))
        case .set(let name):
            guard let folder = model.directory else {
                throw .invalidSpec(
                    field: "search.prompts",
                    message: "prompt set \"\(name)\" needs the model folder of \(model.id); give prompts = { file = \"...\" } instead")
            }
            let own = folder.appendingPathComponent("prompts/\(name).txt")
            let family = String(model.id.reversed().drop(while: \.isNumber).reversed())
            let shared = folder.deletingLastPathComponent().deletingLastPathComponent()
                .appendingPathComponent("jobs/prompts/\(family)-\(name).txt")
            prompts = try read(FileManager.default.fileExists(atPath: own.path) ? own : shared)
        }
        if let limit { prompts = Array(prompts.prefix(limit)) }
        guard !prompts.isEmpty else { throw .invalidSpec(field: "search.prompts", message: "no prompts") }
        return prompts
    }

    /// sha256 of the prompts joined by newlines.
    package static func digest(_ prompts: [String]) -> String {
        SHA256.hexDigest(Array(prompts.joined(separator: "\n").utf8))
    }

    private static func read(_ file: URL) throws(DaemonError) -> [String] {
        guard let data = FileManager.default.contents(atPath: file.path) else {
            throw .invalidSpec(field: "search.prompts", message: "cannot read prompt file \(file.path)")
        }
        guard let prompts = PromptSource.prompts(inFile: data) else {
            throw .invalidSpec(field: "search.prompts", message: "\(file.path) is neither UTF-8 lines nor a JSON list of strings")
        }
        return prompts
    }
}

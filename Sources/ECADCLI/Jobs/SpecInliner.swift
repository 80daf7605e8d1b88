import ECADCore
import Foundation

/// Replaces every file a spec names with the file's contents, read by the CLI with the user's rights: the
/// daemon reads no file on a user's behalf (only under its shared roots). Relative paths are taken from the
/// current directory.
///
/// - `prompts = "path"` or `prompts = { file = "path" }` → the list of prompts;
/// - `schedule = { file = "path" }` and each `schedules[i] = { file = "path" }` → `{ document = "<contents>" }`;
/// - `init.files = [...]` → appended to `init.documents`.
enum SpecInliner {
    /// Largest schedule file sent inline.
    static let maxScheduleBytes = 512 << 10

    /// `tree` with its files inlined.
    static func inline(_ tree: SpecValue) throws(CLIError) -> SpecValue {
        guard case .table(var fields) = tree else { return tree }
        if case .string(let path)? = fields["prompts"] {
            fields["prompts"] = .array(try prompts(path).map(SpecValue.string))
        } else if let path = fields["prompts"].flatMap(file) {
            fields["prompts"] = .array(try prompts(path).map(SpecValue.string))
        }
        if let path = fields["schedule"].flatMap(file) {
            fields["schedule"] = try document(path)
        }
        if case .array(let items)? = fields["schedules"] {
            fields["schedules"] = .array(try items.map { item throws(CLIError) in
                try file(item).map(document) ?? item
            })
        }
        if case .table(var initialization)? = fields["init"], case .array(let files)? = initialization["files"] {
            var documents: [SpecValue] = []
            if case .array(let given)? = initialization["documents"] { documents = given }
            for file in files {
                guard case .string(let path) = file else { return tree }  // the daemon names the bad entry
                documents.append(.string(try text(path, limit: maxScheduleBytes, what: "schedule file")))
            }
            initialization["files"] = nil
            initialization["documents"] = .array(documents)
            fields["init"] = .table(initialization)
        }
        return .table(fields)
    }

    /// The path of a `{ file = "path" }` table.
    private static func file(_ value: SpecValue) -> String? {
        guard case .table(let entries) = value, entries.count == 1, case .string(let path)? = entries["file"] else { return nil }
        return path
    }

    private static func prompts(_ path: String) throws(CLIError) -> [String] {
        let contents = try text(path, limit: 64 << 20, what: "prompt file")
        guard let prompts = PromptSource.prompts(inFile: Data(contents.utf8)) else {
            throw CLIError.usage("prompt file \(path) is not a JSON list of strings")
        }
        return prompts
    }

    private static func document(_ path: String) throws(CLIError) -> SpecValue {
        .table(["document": .string(try text(path, limit: maxScheduleBytes, what: "schedule file"))])
    }

    private static func text(_ path: String, limit: Int, what: String) throws(CLIError) -> String {
        guard let data = FileManager.default.contents(atPath: path), data.count <= limit,
            let text = String(data: data, encoding: .utf8)
        else { throw CLIError.usage("cannot read \(what) \(path) (UTF-8 text up to \(limit >> 10) KiB)") }
        return text
    }
}

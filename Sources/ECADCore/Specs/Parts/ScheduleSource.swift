/// A schedule (or several) named in a spec. TOML forms: `"shapes32/default"` (a registry name, alias or
/// digest), `{ registry = "..." }`, `{ file = "front.json" }`, `{ heuristic = "fora:n=2" }` (one heuristic
/// schedule, or a whole family when only the family is named, e.g. `"fora"`), `{ front = "<job id>" }`
/// (every member of a finished search's front; evaluate jobs only), `{ document = "<JSON text>" }` (a schedule
/// file's contents inline: how the CLI sends a local file the daemon may not be allowed to read).
public enum ScheduleSource: Sendable, Equatable {
    /// A registry name, alias or digest.
    case registry(String)
    /// A schedule file (ecad or reference JSON format).
    case file(String)
    /// A heuristic: `family` or `family:key=value,...`.
    case heuristic(String)
    /// The front of a search job.
    case front(String)
    /// A schedule file's contents (ecad or reference JSON), inline.
    case document(String)

    static func read(_ value: SpecValue, _ path: String, allowFront: Bool) throws(SpecError) -> ScheduleSource {
        if case .string = value { return .registry(try SpecRead.nonEmptyString(value, path)) }
        guard case .table(let entries) = value, entries.count == 1 else {
            throw .field(path, "expected a registry name or a table with one of registry, file, heuristic, document\(allowFront ? ", front" : ""), got \(value)")
        }
        var fields = try SpecFields(value, path: path)
        if let name = try fields.optional("registry", SpecRead.nonEmptyString) { return .registry(name) }
        if let file = try fields.optional("file", SpecRead.nonEmptyString) { return .file(file) }
        if let heuristic = try fields.optional("heuristic", HeuristicName.read) { return .heuristic(heuristic) }
        if let text = try fields.optional("document", SpecRead.nonEmptyString) { return .document(text) }
        if allowFront, let job = try fields.optional("front", SpecRead.nonEmptyString) { return .front(job) }
        try fields.finish()
        throw .field(path, "expected a registry name or a table with one of registry, file, heuristic, document\(allowFront ? ", front" : ""), got \(value)")
    }
}

/// Syntax of heuristic names: `family` or `family:key=value,key=value` (e.g. `fora:n=2`); the
/// families themselves are checked by the daemon, which knows them.
enum HeuristicName {
    static func read(_ value: SpecValue, _ path: String) throws(SpecError) -> String {
        let text = try SpecRead.nonEmptyString(value, path)
        let parts = text.split(separator: ":", maxSplits: 1, omittingEmptySubsequences: false)
        let isName: (Substring) -> Bool = { name in
            !name.isEmpty && name.allSatisfy { $0.isLetter || $0.isNumber || $0 == "-" || $0 == "_" || $0 == "." }
        }
        var valid = isName(parts[0])
        if parts.count == 2 {
            valid = valid && parts[1].split(separator: ",", omittingEmptySubsequences: false).allSatisfy { pair in
                let sides = pair.split(separator: "=", omittingEmptySubsequences: false)
                return sides.count == 2 && isName(sides[0]) && isName(sides[1])
            }
        }
        guard valid else {
            throw .field(path, "expected \"family\" or \"family:key=value,...\", got \(value)")
        }
        return text
    }
}

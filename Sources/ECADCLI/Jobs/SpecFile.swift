import ECADAPI
import ECADCore
import Foundation

/// A job spec file as `ecad submit` reads it: a JSON object with `kind` and the spec's fields
/// (`{"kind":"generate","prompts":[...],...}`), or the API's form `{"kind":...,"spec":{...},"name":...}`.
///
/// A `.toml` file is read with ECADCore's spec parser and sent as the same JSON.
struct SpecFile {
    /// The submission built from the file and the overrides.
    var request: SubmitJobRequest

    /// Reads `path` and applies `--set key=value` overrides (dotted keys; values parsed as JSON when they
    /// are valid JSON, else taken as strings).
    init(path: String, overrides: [String], priority: Int?) throws(CLIError) {
        guard let contents = FileManager.default.contents(atPath: path) else {
            throw CLIError.usage("cannot read spec file \(path)")
        }
        let data = path.hasSuffix(".toml") ? try Self.jsonFromTOML(contents, path: path) : contents
        let decoder = APIJSON.makeDecoder()
        guard let file = try? decoder.decode(JSONValue.self, from: data), case .object(let members) = file else {
            throw CLIError.usage("\(path): not a JSON object")
        }
        guard case .string(let kindName)? = file["kind"], let kind = JobView.Kind(rawValue: kindName) else {
            throw CLIError.usage("\(path): field \"kind\" must be one of search, generate, evaluate")
        }
        var name: String?
        var spec = JSONValue.object(members.filter { $0.key != "kind" })
        if let inner = file["spec"] {
            spec = inner
            if case .string(let text)? = file["name"] { name = text }
        }
        for override in overrides {
            guard let equals = override.firstIndex(of: "="), equals != override.startIndex else {
                throw CLIError.usage("--set needs key=value, got \"\(override)\"")
            }
            let key = override[..<equals].split(separator: ".").map(String.init)
            let text = String(override[override.index(after: equals)...])
            let value = (try? decoder.decode(JSONValue.self, from: Data(text.utf8))) ?? .string(text)
            spec = try Self.setting(value, at: key[...], in: spec, override: override)
        }
        request = SubmitJobRequest(kind: kind, spec: spec, priority: priority, name: name)
    }

    /// Parses a TOML spec (ECADCore's subset) and re-encodes it as JSON, so both file kinds take one path.
    private static func jsonFromTOML(_ contents: Data, path: String) throws(CLIError) -> Data {
        guard let text = String(data: contents, encoding: .utf8) else {
            throw CLIError.usage("\(path): not UTF-8 text")
        }
        do {
            return try JSONEncoder().encode(try SpecValue.parseTOML(text))
        } catch {
            throw CLIError.usage("\(path): \(error)")
        }
    }

    private static func setting(
        _ value: JSONValue, at path: ArraySlice<String>, in target: JSONValue, override: String
    ) throws(CLIError) -> JSONValue {
        guard let key = path.first else { return value }
        guard case .object(var members) = target else {
            throw CLIError.usage("--set \(override): \(key) is inside a \(target.typeName), not an object")
        }
        let slot = members.firstIndex { $0.key == key }
        let updated = try setting(value, at: path.dropFirst(), in: slot.map { members[$0].value } ?? .object([]), override: override)
        if let slot { members[slot].value = updated } else { members.append((key, updated)) }
        return .object(members)
    }
}

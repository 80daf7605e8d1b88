import ECADAPI
import ECADCore
import Foundation

/// A job spec file as `ecad submit` reads it: TOML (`.toml`) or JSON, holding `kind` and the spec's fields
/// (`kind = "generate"`, `{"kind":"generate","prompts":[...]}`), or the API's form `{"kind":...,"spec":{...},
/// "name":...}`. `--set key=value` overrides (ECADCore's ``SpecOverride``: dotted keys, TOML values) apply to the
/// spec's fields in order; then every file the spec names is read here, as the user, and sent inline
/// (``SpecInliner``).
struct SpecFile {
    /// The submission built from the file and the overrides.
    var request: SubmitJobRequest

    /// Reads `path` and applies `overrides`.
    init(path: String, overrides: [String], priority: Int?) throws(CLIError) {
        guard let contents = FileManager.default.contents(atPath: path) else {
            throw CLIError.usage("cannot read spec file \(path)")
        }
        var tree: SpecValue
        do {
            if path.hasSuffix(".toml") {
                guard let text = String(data: contents, encoding: .utf8) else { throw CLIError.usage("\(path): not UTF-8 text") }
                tree = try SpecValue.parseTOML(text)
            } else {
                tree = try SpecValue.parseJSON(contents)
            }
        } catch let error as CLIError {
            throw error
        } catch {
            throw CLIError.usage("\(path): \(error)")
        }
        guard case .table(var fields) = tree, case .string(let kindName)? = fields["kind"],
            let kind = JobView.Kind(rawValue: kindName)
        else {
            throw CLIError.usage("\(path): field \"kind\" must be one of search, generate, evaluate")
        }
        var name: String?
        if let inner = fields["spec"] {
            tree = inner
            if case .string(let text)? = fields["name"] { name = text }
        } else {
            fields["kind"] = nil
            tree = .table(fields)
        }
        do {
            try SpecOverride.apply(overrides, to: &tree)
        } catch {
            throw CLIError.usage("\(error)")
        }
        let spec: JSONValue
        do {
            spec = try APIJSON.makeDecoder().decode(JSONValue.self, from: JSONEncoder().encode(SpecInliner.inline(tree)))
        } catch let error as CLIError {
            throw error
        } catch {
            throw CLIError.usage("\(path): \(error)")
        }
        request = SubmitJobRequest(kind: kind, spec: spec, priority: priority, name: name)
    }
}

import ECADAPI
import ECADCore
import ECADStore
import Foundation

/// Decodes a stored job spec (JSON, the job's kind kept beside it) into ECADCore's typed ``JobSpec``, held to a
/// ``SpecPolicy`` (limits checked while decoding, paths confined to the shared roots).
package enum JobSpecDecoding {
    /// The spec of `kind` in `json`.
    /// - Throws: ``DaemonError/invalidSpec(field:message:)`` naming the field, or `kind` when the spec is of
    ///   another kind.
    package static func spec(_ json: Data, kind: JobKind, policy: SpecPolicy) throws(DaemonError) -> JobSpec {
        try policy.admit(spec(json, kind: kind, limits: policy.limits))
    }

    private static func spec(_ json: Data, kind: JobKind, limits: SpecLimits) throws(DaemonError) -> JobSpec {
        do {
            let spec = try JobSpec(tree(json, kind: kind.rawValue), limits: limits)
            guard spec.kind == kind else {
                throw DaemonError.invalidSpec(field: "kind", message: "expected \"\(kind.rawValue)\", got \"\(spec.kind.rawValue)\"")
            }
            return spec
        } catch let error as DaemonError {
            throw error
        } catch let error as SpecError {
            // `generate.prompts` -> `spec.prompts`, the API's way of naming a field of the spec.
            let field = error.field.map { path in
                path.hasPrefix(kind.rawValue + ".") ? "spec." + path.dropFirst(kind.rawValue.count + 1) : path
            }
            throw .invalidSpec(field: field ?? "spec", message: error.message)
        } catch {
            throw .invalidSpec(field: "spec", message: "\(error)")
        }
    }

    /// The spec of `value` (as the API received it) re-encoded and decoded as ``spec(_:kind:)`` does.
    package static func spec(_ value: JSONValue, kind: JobKind, policy: SpecPolicy) throws(DaemonError) -> JobSpec {
        let data: Data
        do { data = try APIJSON.makeEncoder().encode(value) } catch {
            throw .invalidSpec(field: "spec", message: "\(error)")
        }
        return try spec(data, kind: kind, policy: policy)
    }

    /// `error` with a `search.` field path renamed to `<kind>.` (for the shared model and prompt readers).
    package static func renamed(_ error: DaemonError, kind: JobSpec.Kind) -> DaemonError {
        guard case .invalidSpec(let field, let message) = error, field.hasPrefix("search.") else { return error }
        return .invalidSpec(field: kind.rawValue + field.dropFirst("search".count), message: message)
    }

    /// The spec tree with `kind` added when missing: the job's kind travels beside the spec
    /// (`SubmitJobRequest.kind`); the spec types want it inside.
    private static func tree(_ json: Data, kind: String) throws -> SpecValue {
        var tree = try SpecValue.parseJSON(json)
        if case .table(var fields) = tree, fields["kind"] == nil {
            fields["kind"] = .string(kind)
            tree = .table(fields)
        }
        return tree
    }
}

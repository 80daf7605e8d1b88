import ECADCore
import Foundation

/// Decodes a stored or submitted spec (JSON, without or with `kind`) into a ``JobSpec`` of one kind.
package enum JobSpecDecoding {
    /// The spec of `kind` in `json`. The job's kind travels beside the spec (`SubmitJobRequest.kind`); the spec
    /// types want it inside, so it is added when missing.
    /// - Throws: ``DaemonError/invalidSpec(field:message:)`` naming the field.
    package static func decode(_ json: Data, kind: JobSpec.Kind) throws(DaemonError) -> JobSpec {
        let spec: JobSpec
        do {
            var tree = try SpecValue.parseJSON(json)
            if case .table(var fields) = tree, fields["kind"] == nil {
                fields["kind"] = .string(kind.rawValue)
                tree = .table(fields)
            }
            spec = try JobSpec(tree)
        } catch {
            throw .invalidSpec(field: "spec", message: "\(error)")
        }
        guard spec.kind == kind else { throw .invalidSpec(field: "kind", message: "expected \"\(kind.rawValue)\"") }
        return spec
    }

    /// `error` with a `search.` field path renamed to `<kind>.` (for the shared model and prompt readers).
    package static func renamed(_ error: DaemonError, kind: JobSpec.Kind) -> DaemonError {
        guard case .invalidSpec(let field, let message) = error, field.hasPrefix("search.") else { return error }
        return .invalidSpec(field: kind.rawValue + field.dropFirst("search".count), message: message)
    }
}

import Foundation

/// A job spec of any kind, decoded strictly from a ``SpecValue`` tree: the top-level `kind` field
/// selects the type, every other field has a default, and an unknown field or a bad value is an error
/// naming the field (`search.population: expected a positive integer, got "ten"`). Field paths in
/// errors start with the kind, followed by the field's path in the file.
public enum JobSpec: Sendable, Equatable {
    /// The kinds of job: ECADCore's ``JobKind``, the same type the store and the API use.
    public typealias Kind = JobKind

    /// A search job.
    case search(SearchSpec)
    /// A generate job.
    case generate(GenerateSpec)
    /// An evaluate job.
    case evaluate(EvaluateSpec)

    /// The job's kind.
    public var kind: Kind {
        switch self {
        case .search: .search
        case .generate: .generate
        case .evaluate: .evaluate
        }
    }

    /// The optional `name` field.
    public var name: String? {
        switch self {
        case .search(let spec): spec.name
        case .generate(let spec): spec.name
        case .evaluate(let spec): spec.name
        }
    }

    /// Decodes a spec tree (e.g. the JSON the CLI sent), refusing any field over `limits` before anything
    /// sized by it is allocated.
    public init(_ value: SpecValue, limits: SpecLimits = SpecLimits()) throws(SpecError) {
        guard let entries = value.tableValue else { throw .document("a job spec must be a table, got \(value)") }
        guard let kindValue = entries["kind"] else {
            throw .field("kind", "missing; expected one of \"search\", \"generate\", \"evaluate\"")
        }
        let kind: Kind = try SpecRead.choice(kindValue, "kind")
        var fields = try SpecFields(value, path: kind.rawValue, limits: limits)
        _ = fields.raw("kind")
        switch kind {
        case .search: self = .search(try SearchSpec(from: &fields))
        case .generate: self = .generate(try GenerateSpec(from: &fields))
        case .evaluate: self = .evaluate(try EvaluateSpec(from: &fields))
        }
        try fields.finish()
    }

    /// Parses a spec file's text (TOML, or JSON when `json` is true), applies `--set` overrides in order,
    /// and decodes it. Returns the spec and the overridden tree (what the CLI sends to the daemon).
    public static func load(
        _ text: String, json: Bool = false, overrides: [String] = [], limits: SpecLimits = SpecLimits()
    ) throws(SpecError) -> (spec: JobSpec, value: SpecValue) {
        var value = json ? try SpecValue.parseJSON(Data(text.utf8)) : try SpecValue.parseTOML(text)
        try SpecOverride.apply(overrides, to: &value)
        return (try JobSpec(value, limits: limits), value)
    }
}

extension JobSpec: Decodable {
    /// Decodes strictly from any decoder's value (through ``SpecValue``), so an API request body can be
    /// decoded directly; a bad field throws the same ``SpecError`` as ``init(_:)``.
    public init(from decoder: any Decoder) throws {
        try self.init(SpecValue(from: decoder))
    }
}

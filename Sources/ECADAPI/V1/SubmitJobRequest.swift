import ECADCore

/// The body of `POST /v1/jobs`. Unknown fields are refused (``APIError/unknownField(_:)``).
public struct SubmitJobRequest: Codable, Sendable, Hashable {
    /// What the job does.
    public var kind: JobView.Kind
    /// The spec, as the CLI read it from the job file with `--set` overrides applied; validated by the daemon.
    public var spec: JSONValue
    /// Per-job priority, -1000...1000 (default 0).
    public var priority: Int?
    /// An optional name (no path separators, no `..`).
    public var name: String?

    private enum CodingKeys: String, CodingKey, CaseIterable {
        case kind, spec, priority, name
    }

    /// Describes a submission.
    public init(kind: JobView.Kind, spec: JSONValue, priority: Int? = nil, name: String? = nil) {
        self.kind = kind
        self.spec = spec
        self.priority = priority
        self.name = name
    }

    /// Decodes strictly: unknown fields throw ``APIError/unknownField(_:)``.
    public init(from decoder: any Decoder) throws {
        try StrictDecoding.rejectUnknownKeys(decoder, known: CodingKeys.self)
        let container = try decoder.container(keyedBy: CodingKeys.self)
        self.kind = try container.decode(JobView.Kind.self, forKey: .kind)
        self.spec = try container.decode(JSONValue.self, forKey: .spec)
        self.priority = try container.decodeIfPresent(Int.self, forKey: .priority)
        self.name = try container.decodeIfPresent(String.self, forKey: .name)
    }
}

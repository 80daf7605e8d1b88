/// An ecad schedule file (`ecad.schedule/v1`): a ``Schedule``, the model it was made for, and metadata.
///
/// Canonical form: one JSON object, keys sorted by UTF-8 bytes, no insignificant whitespace
/// (see ``canonicalBytes``). Fields:
/// - hashed (``Schedule/schedulePart``): `format`, `steps`, `blocks`, `components`, `layout`, `bits`;
/// - not hashed: `model` (required), and the optional metadata `name`, `sampler`, `resolution`
///   (`{"height":h,"width":w}`), `config` (generation settings, e.g. the reference `config` kept
///   verbatim), `metrics` and `provenance` (free-form objects).
///
/// The ``digest`` is the schedule's digest: renaming, re-measuring or moving a schedule to another model
/// leaves it unchanged.
public struct ScheduleDocument: Hashable, Sendable {
    /// The value of the `format` field.
    public static let format = "ecad.schedule/v1"

    /// Id of the model the schedule was made for, e.g. `pixart-alpha-256`.
    public var model: String
    /// The bit tensor.
    public var schedule: Schedule
    /// Human-readable name, e.g. `pixart-alpha-256/fast` or a GA candidate name.
    public var name: String?
    /// Sampler name, e.g. `dpm-solver++2m`.
    public var sampler: String?
    /// Output resolution.
    public var resolution: Resolution?
    /// Generation settings kept verbatim (an object).
    public var config: JSONValue?
    /// Measurements (an object), e.g. MACs, latency, reward.
    public var metrics: JSONValue?
    /// Where the schedule came from (an object), e.g. job id, generation, seed, source file.
    public var provenance: JSONValue?

    /// Creates a document.
    /// - Throws: ``ECADCoreError`` for a malformed model id or name, or metadata that is not an object.
    public init(
        model: String, schedule: Schedule, name: String? = nil, sampler: String? = nil, resolution: Resolution? = nil,
        config: JSONValue? = nil, metrics: JSONValue? = nil, provenance: JSONValue? = nil
    ) throws(ECADCoreError) {
        try Self.checkModelID(model)
        for (field, text) in [("name", name), ("sampler", sampler)] {
            if let text { try Self.checkText(text, field: field) }
        }
        for (field, value) in [("config", config), ("metrics", metrics), ("provenance", provenance)] {
            if let value, value.objectMembers == nil {
                throw ECADCoreError(.invalidDocument, "\(field): expected an object, got \(value.typeName)")
            }
        }
        self.model = model
        self.schedule = schedule
        self.name = name
        self.sampler = sampler
        self.resolution = resolution
        self.config = config
        self.metrics = metrics
        self.provenance = provenance
    }

    /// The schedule's digest (see ``Schedule/digest``).
    public var digest: ScheduleDigest { schedule.digest }

    /// Model ids: 1...128 characters from `A-Z a-z 0-9 . _ - / :`.
    static func checkModelID(_ model: String) throws(ECADCoreError) {
        let allowed = Set("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789._-/:".utf8)
        guard (1...128).contains(model.utf8.count), model.utf8.allSatisfy(allowed.contains) else {
            throw ECADCoreError(
                .invalidValue,
                "model: \(ECADCoreError.quoted(model)) is not a model id (1-128 characters of A-Z a-z 0-9 . _ - / :)"
            )
        }
    }

    /// Free text: at most 1024 UTF-8 bytes, no control characters.
    static func checkText(_ text: String, field: String) throws(ECADCoreError) {
        guard text.utf8.count <= 1024, !text.unicodeScalars.contains(where: { $0.value < 0x20 || $0.value == 0x7F }) else {
            throw ECADCoreError(.invalidValue, "\(field): at most 1024 bytes without control characters, got \(ECADCoreError.quoted(text))")
        }
    }
}

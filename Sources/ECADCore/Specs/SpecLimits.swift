/// Upper bounds on every numeric and list field of a job spec, checked while the spec is decoded (before
/// anything sized by the spec is allocated), plus a bound on a job's total work. The daemon's administrator
/// changes them with `ecadd --limit key=value` (docs/operations.md, "Limits"); the defaults fit the shipped
/// jobs/ specs with room to spare.
public struct SpecLimits: Sendable, Equatable {
    /// Prompts in one job (inline, from a file or a set, after `prompt_limit`).
    public var prompts = 100_000
    /// Bytes (UTF-8) of one prompt.
    public var promptBytes = 2_000
    /// `images_per_prompt`, and so the length of `seeds`.
    public var imagesPerPrompt = 64
    /// `sampler.steps`.
    public var steps = 1_000
    /// Images of one generate job (prompts × images per prompt).
    public var images = 1_000
    /// `output.columns` of a generate job.
    public var outputColumns = 256
    /// `latency_repeats` of an evaluate job.
    public var latencyRepeats = 100
    /// `population` of a search (and `init.random`).
    public var population = 1_000
    /// `budgets.generations` and `budgets.stagnation.generations` of a search.
    public var generations = 10_000
    /// `budgets.evaluations` of a search.
    public var evaluations = 1_000_000
    /// Entries of a schedule list: evaluate `schedules`, each of search `init.heuristics`, `init.registry`,
    /// `init.files`, `init.documents`.
    public var schedules = 256
    /// `operators.points` of a search.
    public var crossoverPoints = 1_000
    /// `workers`: the worker processes one job may hold at once.
    public var workers = 256
    /// Image-steps of one job (images generated × sampler steps, over every candidate and generation); see
    /// ``JobSpec/work(promptCount:limits:)``.
    public var work = 1_000_000_000

    /// The defaults.
    public init() {}

    /// Every limit by its configuration key (the snake_case names in docs/job-specs.md).
    public static var keys: [(key: String, path: WritableKeyPath<SpecLimits, Int>)] {
        [
            ("prompts", \.prompts), ("prompt_bytes", \.promptBytes), ("images_per_prompt", \.imagesPerPrompt),
            ("steps", \.steps), ("images", \.images), ("output_columns", \.outputColumns),
            ("latency_repeats", \.latencyRepeats), ("population", \.population), ("generations", \.generations),
            ("evaluations", \.evaluations), ("schedules", \.schedules), ("crossover_points", \.crossoverPoints),
            ("work", \.work), ("workers", \.workers),
        ]
    }

    /// Checks a job's prompts: at most ``prompts`` of them, each at most ``promptBytes`` bytes.
    /// - Throws: ``SpecError`` naming `path` or the too-long prompt (`path[i]`).
    public func check(prompts list: [String], path: String) throws(SpecError) {
        guard list.count <= prompts else { throw .field(path, "at most \(prompts) prompts (limit prompts), got \(list.count)") }
        if let long = list.firstIndex(where: { $0.utf8.count > promptBytes }) {
            throw .field("\(path)[\(long)]", "longer than \(promptBytes) bytes (limit prompt_bytes)")
        }
    }

    /// The configuration key of the limit at `path`.
    static func name(of path: KeyPath<SpecLimits, Int>) -> String {
        keys.first { ($0.path as AnyKeyPath) == (path as AnyKeyPath) }?.key ?? "\(path)"
    }

    /// Sets one limit from `key=value` (a key of ``keys`` and a positive integer).
    /// - Throws: ``SpecError`` naming the key, or listing the keys when it is unknown.
    public mutating func set(_ text: String) throws(SpecError) {
        let parts = text.split(separator: "=", maxSplits: 1).map(String.init)
        guard parts.count == 2 else { throw .document("--limit \(text): expected key=value, e.g. population=500") }
        guard let entry = Self.keys.first(where: { $0.key == parts[0] }) else {
            throw .field(parts[0], "unknown limit (known: \(Self.keys.map(\.key).joined(separator: ", ")))")
        }
        guard let value = Int(parts[1].filter { $0 != "_" }), value >= 1 else {
            throw .field(parts[0], "expected a positive integer, got \"\(parts[1])\"")
        }
        self[keyPath: entry.path] = value
    }
}

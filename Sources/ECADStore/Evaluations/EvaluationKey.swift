/// What makes two evaluations the same: a candidate is never evaluated twice under one key, across restarts and
/// across jobs.
public struct EvaluationKey: Sendable, Hashable, Codable {
    /// sha256 of the model's config and weights.
    public var modelDigest: String
    /// sha256 of the schedule's canonical encoding.
    public var scheduleDigest: String
    /// sha256 of the prompt set.
    public var promptSetDigest: String
    /// The sampling seeds, in order.
    public var seeds: [UInt64]
    /// The sampler and its settings, e.g. `dpm-solver++2m/20/cfg4.5`.
    public var sampler: String
    /// Each metric's implementation version, e.g. `["reward": "shapes-1", "latency": "1"]`.
    public var metricVersions: [String: String]

    /// Describes a key.
    public init(
        modelDigest: String, scheduleDigest: String, promptSetDigest: String, seeds: [UInt64], sampler: String,
        metricVersions: [String: String]
    ) {
        self.modelDigest = modelDigest
        self.scheduleDigest = scheduleDigest
        self.promptSetDigest = promptSetDigest
        self.seeds = seeds
        self.sampler = sampler
        self.metricVersions = metricVersions
    }

    /// The stored form of `seeds`: decimal numbers joined by commas.
    var seedsText: String { seeds.map(String.init).joined(separator: ",") }

    /// The stored form of `metricVersions`: `name=version` pairs sorted by name, joined by `;`.
    var metricVersionsText: String {
        metricVersions.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }.joined(separator: ";")
    }

    /// Parses the stored forms back.
    init(
        modelDigest: String, scheduleDigest: String, promptSetDigest: String, seedsText: String, sampler: String,
        metricVersionsText: String
    ) throws(StoreError) {
        var seeds: [UInt64] = []
        for part in seedsText.split(separator: ",") {
            guard let seed = UInt64(part) else { throw .database("bad stored seeds \(seedsText)") }
            seeds.append(seed)
        }
        var versions: [String: String] = [:]
        for pair in metricVersionsText.split(separator: ";") {
            let parts = pair.split(separator: "=", maxSplits: 1)
            guard parts.count == 2 else { throw .database("bad stored metric versions \(metricVersionsText)") }
            versions[String(parts[0])] = String(parts[1])
        }
        self.init(
            modelDigest: modelDigest, scheduleDigest: scheduleDigest, promptSetDigest: promptSetDigest, seeds: seeds,
            sampler: sampler, metricVersions: versions)
    }

    /// Checks the parts that the stored form relies on.
    /// - Throws: ``StoreError/invalidInput(field:message:)`` for an empty digest or sampler, or a metric name or
    ///   version containing `=` or `;`.
    func validate() throws(StoreError) {
        for (field, value) in [
            ("modelDigest", modelDigest), ("scheduleDigest", scheduleDigest), ("promptSetDigest", promptSetDigest),
            ("sampler", sampler),
        ] where value.isEmpty {
            throw .invalidInput(field: field, message: "must not be empty")
        }
        for (name, version) in metricVersions {
            guard !name.isEmpty, !(name + version).contains(where: { $0 == "=" || $0 == ";" }) else {
                throw .invalidInput(field: "metricVersions", message: "bad entry \"\(name)=\(version)\"")
            }
        }
    }
}

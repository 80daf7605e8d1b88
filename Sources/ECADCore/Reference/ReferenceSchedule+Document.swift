extension ReferenceSchedule {
    /// The ecad model id this file most likely targets: `flux1-dev-256` for FLUX layouts, `pixart-sigma-256`
    /// when the `config` names a Sigma transformer or pipeline, else `pixart-alpha-256`.
    public var guessedModelID: String {
        if schedule.layout.groups.contains(where: { $0.type != .pixart }) { return "flux1-dev-256" }
        let hints = [config?["transformer_weights"]?.stringValue, config?["pipeline"]?["name"]?.stringValue]
        return hints.contains { $0?.lowercased().contains("sigma") == true } ? "pixart-sigma-256" : "pixart-alpha-256"
    }

    /// Converts to an ecad document.
    ///
    /// `name`, `config` and `metrics` carry over; `resolution` comes from `config.width`/`height`. Everything
    /// else of the reference file (the `attributes`, other `cache_schedule` keys, other top-level keys, and
    /// per-block extras such as `custom_compute_attn`) goes to `provenance.reference`, so that
    /// ``init(document:)`` rebuilds an equivalent reference file.
    /// - Parameter model: the model id; ``guessedModelID`` when nil.
    /// - Throws: ``ECADCoreError`` if the name or model id is not acceptable in an ecad document.
    public func document(model: String? = nil) throws(ECADCoreError) -> ScheduleDocument {
        let counted: Set<String> = ["schedule", "num_inference_steps", "num_blocks", "num_single_blocks", "name"]
        var reference: [(key: String, value: JSONValue)] = [("source", .string("reference-json"))]
        let cacheExtras = (root["cache_schedule"]?.objectMembers ?? []).filter { !counted.contains($0.key) }
        if !cacheExtras.isEmpty { reference.append(("cache_schedule", .object(cacheExtras))) }
        let topExtras = (root.objectMembers ?? []).filter { !["cache_schedule", "config", "metrics"].contains($0.key) }
        if !topExtras.isEmpty { reference.append(("top_level", .object(topExtras))) }
        let blockExtras = collectBlockExtras()
        if !blockExtras.isEmpty { reference.append(("block_extras", .object(blockExtras))) }
        var resolution: Resolution?
        if let width = config?["width"]?.intValue, let height = config?["height"]?.intValue {
            resolution = try Resolution(width: width, height: height)
        }
        return try ScheduleDocument(
            model: model ?? guessedModelID, schedule: schedule, name: name, resolution: resolution,
            config: config?.objectMembers == nil ? nil : config, metrics: metrics?.objectMembers == nil ? nil : metrics,
            provenance: .object([("reference", .object(reference))])
        )
    }

    /// Builds a reference file from an ecad document: the inverse of ``document(model:)``.
    ///
    /// Without `provenance.reference.cache_schedule.attributes`, the attributes are computed as the
    /// reference GA writes them (steps, blocks and step-block pairs with any reuse bit).
    public init(document: ScheduleDocument) {
        let schedule = document.schedule
        let saved = document.provenance?["reference"]
        var cache: [(key: String, value: JSONValue)] = [
            ("num_blocks", .int(schedule.layout.groups[0].count)),
            ("num_inference_steps", .int(schedule.steps)),
            ("name", .string(document.name ?? "")),
        ]
        cache += saved?["cache_schedule"]?.objectMembers ?? [("attributes", Self.attributes(of: schedule))]
        cache.append(("schedule", Self.blockExtrasTree(saved?["block_extras"])))
        if schedule.layout.groups.count > 1 { cache.append(("num_single_blocks", .int(schedule.layout.groups[1].count))) }
        var top: [(key: String, value: JSONValue)] = [
            ("cache_schedule", .object(cache)),
            ("config", document.config ?? .object([])),
            ("metrics", document.metrics ?? .object([])),
        ]
        top += saved?["top_level"]?.objectMembers ?? []
        self.schedule = schedule
        self.root = .object(top)
    }

    /// The GA's `attributes`: counts of steps, blocks and (step, block) pairs with at least one reuse bit.
    static func attributes(of schedule: Schedule) -> JSONValue {
        var steps = Set<Int>()
        var blocks = Set<Int>()
        var pairs = 0
        for step in 0..<schedule.steps {
            for block in 0..<schedule.blocks where (0..<schedule.components).contains(where: { !schedule[step, block, $0] }) {
                steps.insert(step)
                blocks.insert(block)
                pairs += 1
            }
        }
        let doubleCount = schedule.layout.groups[0].count
        var members: [(key: String, value: JSONValue)] = [
            ("num_affected_steps", .int(steps.count)),
            ("num_affected_blocks", .int(blocks.filter { $0 < doubleCount }.count)),
        ]
        if schedule.layout.groups.count > 1 {
            members.append(("num_affected_blocks_single", .int(blocks.filter { $0 >= doubleCount }.count)))
        }
        members.append(("total_num_affected_blocks", .int(pairs)))
        return .object(members)
    }

    /// Per-block extras keyed `"<step>/<block>"`.
    private func collectBlockExtras() -> [(key: String, value: JSONValue)] {
        var out: [(key: String, value: JSONValue)] = []
        for (stepKey, stepValue) in root["cache_schedule"]?["schedule"]?.objectMembers ?? [] {
            for (blockKey, blockValue) in stepValue.objectMembers ?? [] {
                let extras = (blockValue.objectMembers ?? []).filter { Self.blockExtraKeys.contains($0.key) }
                if !extras.isEmpty { out.append(("\(stepKey)/\(blockKey)", .object(extras))) }
            }
        }
        return out
    }

    /// A partial schedule tree holding only the saved block extras, for ``exportedRoot`` to merge.
    private static func blockExtrasTree(_ saved: JSONValue?) -> JSONValue {
        var tree: [(key: String, value: JSONValue)] = []
        for (path, extras) in saved?.objectMembers ?? [] {
            let parts = path.split(separator: "/", maxSplits: 1).map(String.init)
            guard parts.count == 2 else { continue }
            var blocks = tree.first { $0.key == parts[0] }?.value.objectMembers ?? []
            blocks.append((parts[1], extras))
            set(&tree, parts[0], .object(blocks))
        }
        return .object(tree)
    }
}

extension ReferenceSchedule {
    /// The document with `cache_schedule.schedule` regenerated from ``schedule`` (flags in the reference
    /// order, kept extras such as `custom_compute_attn` after them) and the `num_*` counts updated.
    public var exportedRoot: JSONValue {
        let original = root["cache_schedule"]?["schedule"]
        var tree: [(key: String, value: JSONValue)] = []
        for step in 0..<schedule.steps {
            let stepKey = Self.stepKey(step)
            let originalStep = original.flatMap { Self.member(of: $0, step: step) }
            var blocks: [(key: String, value: JSONValue)] = []
            for block in 0..<schedule.blocks {
                let blockKey = Self.blockKey(block, in: schedule.layout)
                var flags: [(key: String, value: JSONValue)] = schedule.layout.blockType(at: block).components.enumerated().map {
                    ($1.referenceName, .bool(schedule[step, block, $0]))
                }
                if let extras = originalStep?[blockKey]?.objectMembers {
                    flags += extras.filter { Self.blockExtraKeys.contains($0.key) }
                }
                blocks.append((blockKey, .object(flags)))
            }
            tree.append((stepKey, .object(blocks)))
        }
        return Self.replacing(in: root, path: ["cache_schedule"]) { cache in
            var members = cache.objectMembers ?? []
            Self.set(&members, "num_inference_steps", .int(schedule.steps))
            Self.set(&members, "num_blocks", .int(schedule.layout.groups[0].count))
            if schedule.layout.groups.count > 1 { Self.set(&members, "num_single_blocks", .int(schedule.layout.groups[1].count)) }
            Self.set(&members, "schedule", .object(tree))
            return .object(members)
        }
    }

    /// The file bytes, in the layout of Python's `json.dump(obj, f, indent=4)` (no trailing newline).
    public var jsonBytes: [UInt8] { JSONWriter.encode(exportedRoot, style: .python(indent: 4)) }

    /// The step entry whose key parses to `step` ("000" or "0").
    private static func member(of tree: JSONValue, step: Int) -> JSONValue? {
        tree.objectMembers?.first { Int($0.key) == step }?.value
    }

    /// Sets `key` in place if present, else appends it.
    static func set(_ members: inout [(key: String, value: JSONValue)], _ key: String, _ value: JSONValue) {
        if let index = members.firstIndex(where: { $0.key == key }) {
            members[index].value = value
        } else {
            members.append((key, value))
        }
    }

    private static func replacing(in value: JSONValue, path: [String], with transform: (JSONValue) -> JSONValue) -> JSONValue {
        guard let key = path.first else { return transform(value) }
        var members = value.objectMembers ?? []
        let child = members.first { $0.key == key }?.value ?? .object([])
        set(&members, key, replacing(in: child, path: Array(path.dropFirst()), with: transform))
        return .object(members)
    }
}

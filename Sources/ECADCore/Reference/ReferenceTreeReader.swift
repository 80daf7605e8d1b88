/// Reads the reference `cache_schedule.schedule` tree (step → block → flag) into a ``Schedule``.
struct ReferenceTreeReader {
    let layout: BlockLayout
    let steps: Int

    func read(_ tree: JSONValue) throws(ECADCoreError) -> Schedule {
        let path = "cache_schedule.schedule"
        let stepFields = try JSONFields(tree, path: path)
        guard stepFields.members.count == steps else {
            throw ECADCoreError(.invalidShape, "\(path): has \(stepFields.members.count) steps, num_inference_steps says \(steps)")
        }
        var blockIndex = [String: Int]()
        for block in 0..<layout.blockCount { blockIndex[ReferenceSchedule.blockKey(block, in: layout)] = block }
        var schedule = try Schedule(steps: steps, layout: layout, filled: false)
        var seenSteps = Set<Int>()
        for (stepKey, stepValue) in stepFields.members {
            let step = try parseStep(stepKey, path: path)
            guard seenSteps.insert(step).inserted else {
                throw ECADCoreError(.invalidDocument, "\(path): step \(step) appears twice")
            }
            let blocks = try JSONFields(stepValue, path: stepFields.path(stepKey))
            guard blocks.members.count == layout.blockCount else {
                throw ECADCoreError(.invalidShape, "\(blocks.path): has \(blocks.members.count) blocks, expected \(layout.blockCount)")
            }
            for (blockKey, blockValue) in blocks.members {
                guard let block = blockIndex[blockKey] else {
                    throw ECADCoreError(.unknownName, "\(blocks.path): unknown block \(ECADCoreError.quoted(blockKey))")
                }
                try readBlock(blockValue, block: block, step: step, path: blocks.path(blockKey), into: &schedule)
            }
        }
        return schedule
    }

    private func parseStep(_ key: String, path: String) throws(ECADCoreError) -> Int {
        guard !key.isEmpty, key.utf8.count <= 6, key.utf8.allSatisfy({ (0x30...0x39).contains($0) }),
            let step = Int(key), step < steps
        else {
            throw ECADCoreError(.invalidDocument, "\(path): step key \(ECADCoreError.quoted(key)) is not a step number below \(steps)")
        }
        return step
    }

    private func readBlock(
        _ value: JSONValue, block: Int, step: Int, path: String, into schedule: inout Schedule
    ) throws(ECADCoreError) {
        let flags = try JSONFields(value, path: path)
        let kinds = layout.blockType(at: block).components
        for member in flags.members where !ReferenceSchedule.blockExtraKeys.contains(member.key) {
            guard kinds.contains(where: { $0.referenceName == member.key }) else {
                let known = kinds.map(\.referenceName).joined(separator: ", ")
                throw ECADCoreError(.unknownName, "\(path): unknown component \(ECADCoreError.quoted(member.key)); expected \(known)")
            }
        }
        for (slot, kind) in kinds.enumerated() {
            let raw = try flags.value(kind.referenceName)
            guard case .bool(let compute) = raw else {
                throw ECADCoreError(.invalidDocument, "\(flags.path(kind.referenceName)): expected true or false, got \(raw.typeName)")
            }
            schedule[step, block, slot] = compute
        }
    }
}

extension Schedule {
    /// Reads the schedule part (``schedulePart``) from an object's fields: `format`, `steps`, `blocks`,
    /// `components`, `layout` and `bits`. Other fields are the caller's to check.
    /// - Throws: ``ECADCoreError`` naming the field that is missing, of the wrong type or inconsistent.
    package init(schedulePartOf fields: JSONFields) throws(ECADCoreError) {
        let format = try fields.string("format")
        guard format == ScheduleDocument.format else {
            throw ECADCoreError(.invalidDocument, "format: expected \"\(ScheduleDocument.format)\", got \(ECADCoreError.quoted(format))")
        }
        let layout = try Self.readLayout(fields)
        let steps = try fields.int("steps", in: 1...10_000)
        try self.init(steps: steps, layout: layout, base64Bits: try fields.string("bits"))
    }

    private static func readLayout(_ fields: JSONFields) throws(ECADCoreError) -> BlockLayout {
        guard case .array(let rawGroups) = try fields.value("layout"), !rawGroups.isEmpty, rawGroups.count <= 16 else {
            throw ECADCoreError(.invalidDocument, "layout: expected an array of 1-16 {\"type\",\"blocks\"} objects")
        }
        var groups: [(type: BlockType, count: Int)] = []
        for (index, raw) in rawGroups.enumerated() {
            let group = try JSONFields(raw, path: "layout[\(index)]")
            try group.rejectUnknown(["type", "blocks"])
            let typeName = try group.string("type")
            guard let type = BlockType(rawValue: typeName) else {
                let known = BlockType.allCases.map(\.rawValue).joined(separator: ", ")
                throw ECADCoreError(.unknownName, "layout[\(index)].type: unknown block type \(ECADCoreError.quoted(typeName)); known: \(known)")
            }
            groups.append((type, try group.int("blocks", in: 1...4096)))
        }
        let layout = try BlockLayout(groups: groups)
        let blocks = try fields.int("blocks", in: 1...65_536)
        guard blocks == layout.blockCount else {
            throw ECADCoreError(.invalidShape, "blocks: \(blocks) does not match the layout's \(layout.blockCount) blocks")
        }
        guard case .array(let names) = try fields.value("components") else {
            throw ECADCoreError(.invalidDocument, "components: expected an array of component names")
        }
        var kinds: [ComponentKind] = []
        for (index, name) in names.enumerated() {
            guard let text = name.stringValue else {
                throw ECADCoreError(.invalidDocument, "components[\(index)]: expected a string, got \(name.typeName)")
            }
            kinds.append(try ComponentKind.parse(text))
        }
        guard kinds == layout.componentKinds else {
            let expected = layout.componentKinds.map(\.rawValue).joined(separator: ", ")
            throw ECADCoreError(.invalidShape, "components: expected [\(expected)] for this layout")
        }
        return layout
    }
}

/// `Codable` as the schedule part of an ecad document (``Schedule/schedulePart``), validated on decode.
extension Schedule: Codable {
    public init(from decoder: any Decoder) throws {
        do {
            try self.init(schedulePartOf: try JSONFields(try JSONValue(from: decoder), path: ""))
        } catch let error as ECADCoreError {
            throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath, debugDescription: error.message))
        }
    }

    public func encode(to encoder: any Encoder) throws {
        try JSONValue.object(schedulePart).encode(to: encoder)
    }
}

extension ScheduleDocument {
    /// The document as a JSON object (members in a fixed order; the canonical encoding sorts them).
    public var jsonValue: JSONValue {
        var members = schedule.schedulePart
        members.append(("model", .string(model)))
        if let name { members.append(("name", .string(name))) }
        if let sampler { members.append(("sampler", .string(sampler))) }
        if let resolution {
            members.append(("resolution", .object([("width", .int(resolution.width)), ("height", .int(resolution.height))])))
        }
        if let config { members.append(("config", config)) }
        if let metrics { members.append(("metrics", metrics)) }
        if let provenance { members.append(("provenance", provenance)) }
        return .object(members)
    }

    /// The canonical encoding: UTF-8 JSON, keys sorted by UTF-8 bytes at every level, no whitespace.
    public var canonicalBytes: [UInt8] { JSONWriter.encode(jsonValue, style: .canonical) }

    /// The canonical encoding followed by a newline, as ecad writes files.
    public var fileBytes: [UInt8] { canonicalBytes + [0x0A] }

    /// Parses an `ecad.schedule/v1` document (any whitespace and key order).
    /// - Throws: ``ECADCoreError`` naming the field that is missing, unknown, of the wrong type or inconsistent.
    public init(jsonBytes bytes: some Collection<UInt8>) throws(ECADCoreError) {
        try self.init(json: try JSONParser.parse(bytes))
    }

    /// Reads a document from a parsed JSON value.
    /// - Throws: ``ECADCoreError`` naming the field that is wrong.
    public init(json: JSONValue) throws(ECADCoreError) {
        let fields = try JSONFields(json, path: "")
        try fields.rejectUnknown([
            "format", "model", "steps", "blocks", "components", "layout", "bits",
            "name", "sampler", "resolution", "config", "metrics", "provenance",
        ])
        let format = try fields.string("format")
        guard format == Self.format else {
            throw ECADCoreError(.invalidDocument, "format: expected \"\(Self.format)\", got \(ECADCoreError.quoted(format))")
        }
        let layout = try Self.readLayout(fields)
        let steps = try fields.int("steps", in: 1...10_000)
        let schedule = try Schedule(steps: steps, layout: layout, base64Bits: try fields.string("bits"))
        var resolution: Resolution?
        if let raw = try fields.optionalObject("resolution") {
            let sides = try JSONFields(raw, path: "resolution")
            try sides.rejectUnknown(["width", "height"])
            resolution = try Resolution(width: try sides.int("width", in: 1...16384), height: try sides.int("height", in: 1...16384))
        }
        try self.init(
            model: try fields.string("model"), schedule: schedule, name: try fields.optionalString("name"),
            sampler: try fields.optionalString("sampler"), resolution: resolution,
            config: try fields.optionalObject("config"), metrics: try fields.optionalObject("metrics"),
            provenance: try fields.optionalObject("provenance")
        )
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

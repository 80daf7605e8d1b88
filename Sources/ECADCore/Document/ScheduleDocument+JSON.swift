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
        let schedule = try Schedule(schedulePartOf: fields)
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
}

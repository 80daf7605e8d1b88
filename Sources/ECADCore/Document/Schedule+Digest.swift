extension Schedule {
    /// The schedule part of an ecad document: exactly the fields the digest covers.
    ///
    /// `format`, `steps`, `blocks`, `components` (the layout's component kinds), `layout`
    /// (`[{"blocks":n,"type":t}]`) and `bits` (base64 of ``packedBytes``). The model id and all metadata
    /// are outside it, so the same bits transferred to another model or renamed keep their digest.
    public var schedulePart: [(key: String, value: JSONValue)] {
        [
            ("format", .string(ScheduleDocument.format)),
            ("steps", .int(steps)),
            ("blocks", .int(blocks)),
            ("components", .array(layout.componentKinds.map { .string($0.rawValue) })),
            (
                "layout",
                .array(layout.groups.map { .object([("type", .string($0.type.rawValue)), ("blocks", .int($0.count))]) })
            ),
            ("bits", .string(base64Bits)),
        ]
    }

    /// SHA-256 of the canonical encoding (sorted keys, no whitespace) of ``schedulePart``.
    public var digest: ScheduleDigest {
        ScheduleDigest(hashing: JSONWriter.encode(.object(schedulePart), style: .canonical))
    }
}

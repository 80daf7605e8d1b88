/// A schedule file in the reference ECAD code's JSON format (`cache_schedule` / `config` / `metrics`).
///
/// Import keeps the whole document (``root``) and turns `cache_schedule.schedule` into a ``Schedule``
/// (`true` = recompute). Export writes ``root`` back with that tree regenerated from ``schedule``, in the
/// layout of Python's `json.dump(indent=4)`, so an unmodified file round-trips byte for byte. Block keys
/// are `"0"`… for PixArt and FLUX double blocks and `"single_<i>"` for FLUX single blocks; step keys are
/// written zero-padded to three digits (`"000"`) and read as any decimal integer.
public struct ReferenceSchedule: Hashable, Sendable {
    /// Block entry keys that are not component flags but are kept (TGATE's custom attention functions).
    static let blockExtraKeys: Set<String> = ["custom_compute_attn", "custom_compute_ff"]

    /// The bits; `true` = recompute.
    public var schedule: Schedule
    /// The whole document as read (or as built from an ecad document).
    public let root: JSONValue

    /// `cache_schedule.name`, if present.
    public var name: String? { root["cache_schedule"]?["name"]?.stringValue }
    /// The `config` object, if present.
    public var config: JSONValue? { root["config"] }
    /// The `metrics` object, if present.
    public var metrics: JSONValue? { root["metrics"] }

    /// Parses a reference schedule file.
    /// - Throws: ``ECADCoreError`` naming the path of a missing or bad field, an unknown component or
    ///   block, or a missing step.
    public init(jsonBytes bytes: some Collection<UInt8>) throws(ECADCoreError) {
        try self.init(root: try JSONParser.parse(bytes))
    }

    /// Reads a reference document from parsed JSON.
    /// - Throws: ``ECADCoreError`` as ``init(jsonBytes:)``.
    public init(root: JSONValue) throws(ECADCoreError) {
        let top = try JSONFields(root, path: "")
        let cache = try JSONFields(try top.value("cache_schedule"), path: "cache_schedule")
        let steps = try cache.int("num_inference_steps", in: 1...10_000)
        let doubleBlocks = try cache.int("num_blocks", in: 1...4096)
        let layout: BlockLayout
        if let single = try cache.optionalInt("num_single_blocks", in: 1...4096) {
            layout = try .flux(doubleBlocks: doubleBlocks, singleBlocks: single)
        } else {
            layout = try .pixart(blocks: doubleBlocks)
        }
        self.schedule = try ReferenceTreeReader(layout: layout, steps: steps).read(try cache.value("schedule"))
        self.root = root
    }

    /// The reference key of block `block` in `layout`: `"<i>"`, or `"single_<i>"` for FLUX single blocks.
    static func blockKey(_ block: Int, in layout: BlockLayout) -> String {
        layout.blockType(at: block) == .fluxSingle ? "single_\(layout.indexInGroup(block))" : String(layout.indexInGroup(block))
    }

    /// The reference key of step `step`: at least three digits, zero-padded.
    static func stepKey(_ step: Int) -> String {
        let digits = String(step)
        return String(repeating: "0", count: max(0, 3 - digits.count)) + digits
    }
}

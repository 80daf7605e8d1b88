import ECADCore
import Foundation

/// A caching schedule as it travels in `evaluate` and `generate` requests.
///
/// The fields are those of an `ecad.schedule/v1` document (docs/schedule-format.md): a full document decodes
/// into this type (its other fields are ignored), and a bare `{steps, blocks, components, bits}` object is
/// accepted too. `bits` is the base64 of the packed `[steps][blocks][components]` bit tensor in the order the
/// schedule format defines; 1 = compute, 0 = reuse.
public struct WireSchedule: Codable, Sendable, Equatable {
    /// `ecad.schedule/v1` when this came from a full document.
    public var format: String?
    /// Model id the schedule was made for, if known.
    public var model: String?
    /// Number of denoising steps `S`.
    public var steps: Int
    /// Number of transformer blocks `B`.
    public var blocks: Int
    /// Component names, the innermost axis `C`.
    public var components: [String]
    /// Base64 of the packed bits, `ceil(S*B*C / 8)` bytes.
    public var bits: String

    /// Creates a schedule from its parts.
    public init(format: String? = nil, model: String? = nil, steps: Int, blocks: Int, components: [String], bits: String) {
        self.format = format
        self.model = model
        self.steps = steps
        self.blocks = blocks
        self.components = components
        self.bits = bits
    }

    /// The schedule that computes every component at every step (no caching).
    public static func computeAll(steps: Int, blocks: Int, components: [String]) -> WireSchedule {
        let bytes = Schedule.packBits(count: steps * blocks * components.count) { _ in true }
        return WireSchedule(steps: steps, blocks: blocks, components: components, bits: Data(bytes).base64EncodedString())
    }
}

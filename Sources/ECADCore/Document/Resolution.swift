/// Output image size in pixels.
public struct Resolution: Hashable, Sendable, Codable, CustomStringConvertible {
    /// Width in pixels.
    public let width: Int
    /// Height in pixels.
    public let height: Int

    /// Creates a resolution.
    /// - Throws: ``ECADCoreError`` unless both sides are in 1...16384.
    public init(width: Int, height: Int) throws(ECADCoreError) {
        guard (1...16384).contains(width), (1...16384).contains(height) else {
            throw ECADCoreError(.invalidValue, "resolution must be 1...16384 per side, got \(width)x\(height)")
        }
        self.width = width
        self.height = height
    }

    /// A square resolution.
    public static func square(_ side: Int) throws(ECADCoreError) -> Resolution {
        try Resolution(width: side, height: side)
    }

    public var description: String { "\(width)x\(height)" }
}

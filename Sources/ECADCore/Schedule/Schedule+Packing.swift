import Foundation

extension Schedule {
    /// The bits packed into bytes: bit `i` (flat step-major, block, component order) is bit `7 - i % 8`
    /// (most significant first) of byte `i / 8`; unused low bits of the last byte are zero.
    /// This is NumPy's `packbits(bits, bitorder="big")` of the flat genome.
    public var packedBytes: [UInt8] { Self.packBits(count: bitCount, isSet: bit) }

    /// Packs `count` flat bits in ``packedBytes`` order (most significant bit first, unused low bits of the last
    /// byte zero): the one packing routine, for callers that hold a shape but no ``BlockLayout``.
    /// - Parameters:
    ///   - count: Number of bits, S × B × C.
    ///   - isSet: Whether the bit at a flat index in `0..<count` is 1.
    public static func packBits(count: Int, isSet: (Int) -> Bool) -> [UInt8] {
        var bytes = [UInt8](repeating: 0, count: (max(0, count) + 7) / 8)
        for index in 0..<max(0, count) where isSet(index) {
            bytes[index >> 3] |= 0x80 >> UInt8(index & 7)
        }
        return bytes
    }

    /// Creates a schedule from bytes in ``packedBytes`` order.
    /// - Throws: ``ECADCoreError`` if the byte count is not ⌈S·B·C / 8⌉ or a padding bit is set.
    public init(steps: Int, layout: BlockLayout, packedBytes bytes: [UInt8]) throws(ECADCoreError) {
        try self.init(steps: steps, layout: layout, filled: false)
        let expected = (bitCount + 7) / 8
        guard bytes.count == expected else {
            throw ECADCoreError(
                .invalidShape,
                "bits: expected \(expected) bytes for \(steps)×\(blocks)×\(components) bits, got \(bytes.count)"
            )
        }
        for index in 0..<(expected * 8) where bytes[index >> 3] & (0x80 >> UInt8(index & 7)) != 0 {
            guard index < bitCount else {
                throw ECADCoreError(.invalidShape, "bits: padding bits after bit \(bitCount) must be zero")
            }
            setBit(index, true)
        }
    }

    /// ``packedBytes`` as standard base64 with padding (RFC 4648 §4).
    public var base64Bits: String { Data(packedBytes).base64EncodedString() }

    /// Creates a schedule from ``base64Bits``.
    /// - Throws: ``ECADCoreError`` for text that is not base64, or bits of the wrong length.
    public init(steps: Int, layout: BlockLayout, base64Bits text: String) throws(ECADCoreError) {
        guard let data = Data(base64Encoded: text) else {
            throw ECADCoreError(.invalidDocument, "bits: not valid base64 (standard alphabet, with padding)")
        }
        try self.init(steps: steps, layout: layout, packedBytes: [UInt8](data))
    }
}

/// Reads a deflate stream's bits least-significant first (RFC 1951 section 3.1.1).
struct DeflateBitReader {
    private let bytes: [UInt8]
    /// Index of the next byte not yet moved into the bit buffer.
    private(set) var position: Int
    private var buffer: UInt64 = 0
    private var count = 0

    init(_ bytes: [UInt8], position: Int = 0) {
        self.bytes = bytes
        self.position = position
    }

    /// The next `n` bits (0...32) as an integer, first bit in the lowest place.
    mutating func bits(_ n: Int) throws -> Int {
        while count < n {
            guard position < bytes.count else { throw MetricsError.invalidDeflate("stream ends early") }
            buffer |= UInt64(bytes[position]) << UInt64(count)
            position += 1
            count += 8
        }
        let value = Int(buffer & ((1 << UInt64(n)) - 1))
        buffer >>= UInt64(n)
        count -= n
        return value
    }

    /// Drops the bits left in the current byte so the next read starts on a byte boundary.
    mutating func alignToByte() {
        let drop = count % 8
        buffer >>= UInt64(drop)
        count -= drop
    }

    /// The index of the first byte not consumed, after `alignToByte()` (whole buffered bytes are handed back).
    var bytePosition: Int { position - count / 8 }
}

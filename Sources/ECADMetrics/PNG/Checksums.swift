/// The two checksums PNG and zlib need: CRC-32 (ISO 3309, as in PNG chunks) and Adler-32 (RFC 1950).
enum Checksums {
    /// The CRC-32 table for the reflected polynomial 0xEDB88320, computed once.
    private static let crcTable: [UInt32] = (0..<256).map { n in
        var c = UInt32(n)
        for _ in 0..<8 { c = (c & 1) != 0 ? 0xEDB8_8320 ^ (c >> 1) : c >> 1 }
        return c
    }

    /// CRC-32 of `bytes`, continuing from `crc` (start with 0).
    static func crc32<C: Collection>(_ bytes: C, continuing crc: UInt32 = 0) -> UInt32 where C.Element == UInt8 {
        var c = ~crc
        for byte in bytes { c = crcTable[Int((c ^ UInt32(byte)) & 0xFF)] ^ (c >> 8) }
        return ~c
    }

    /// Adler-32 of `bytes` (RFC 1950 section 8.2).
    static func adler32(_ bytes: [UInt8]) -> UInt32 {
        let modulus: UInt32 = 65521
        var a: UInt32 = 1, b: UInt32 = 0
        var index = 0
        while index < bytes.count {
            // 5552 is the longest run for which b cannot overflow 32 bits before the reduction.
            let end = min(bytes.count, index + 5552)
            for i in index..<end {
                a += UInt32(bytes[i])
                b += a
            }
            a %= modulus
            b %= modulus
            index = end
        }
        return (b << 16) | a
    }
}

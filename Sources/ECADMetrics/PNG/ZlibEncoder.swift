/// Writes zlib streams (RFC 1950) made of stored (uncompressed) deflate blocks.
///
/// Simple and always valid; the output is about 0.02% larger than the input. Compression is left to the
/// PNG encoder of ECADShapes once the targets are joined (see docs/metrics.md).
enum ZlibEncoder {
    /// The largest payload of one stored block.
    static let maxStoredBlock = 65535

    /// `data` wrapped as a zlib stream of stored blocks.
    static func stored(_ data: [UInt8]) -> [UInt8] {
        var out: [UInt8] = [0x78, 0x01]  // deflate, 32 KiB window, no dictionary, check bits valid
        out.reserveCapacity(data.count + data.count / maxStoredBlock * 5 + 16)
        var index = 0
        repeat {
            let length = min(maxStoredBlock, data.count - index)
            let isFinal = index + length == data.count
            out.append(isFinal ? 1 : 0)  // BFINAL, BTYPE = 00, padded to the byte boundary
            out.append(UInt8(length & 0xFF))
            out.append(UInt8(length >> 8))
            out.append(UInt8(~length & 0xFF))
            out.append(UInt8((~length >> 8) & 0xFF))
            out.append(contentsOf: data[index..<(index + length)])
            index += length
        } while index < data.count
        let adler = Checksums.adler32(data)
        out.append(contentsOf: [UInt8(adler >> 24), UInt8((adler >> 16) & 0xFF), UInt8((adler >> 8) & 0xFF),
                                UInt8(adler & 0xFF)])
        return out
    }
}

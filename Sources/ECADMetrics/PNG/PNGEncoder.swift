/// Encodes an `RGBImage` as a PNG: 8-bit truecolor (color type 2), no interlace, filter 0 on every row,
/// one IDAT chunk holding a zlib stream of stored blocks.
public enum PNGEncoder {
    /// The PNG file bytes of `image`.
    public static func encode(_ image: RGBImage) -> [UInt8] {
        var header: [UInt8] = []
        appendUInt32(UInt32(image.width), to: &header)
        appendUInt32(UInt32(image.height), to: &header)
        header.append(contentsOf: [8, 2, 0, 0, 0])  // depth 8, truecolor, deflate, adaptive filters, no interlace

        let rowBytes = image.width * 3
        var raw: [UInt8] = []
        raw.reserveCapacity((rowBytes + 1) * image.height)
        for y in 0..<image.height {
            raw.append(0)  // filter type None
            raw.append(contentsOf: image.pixels[(y * rowBytes)..<((y + 1) * rowBytes)])
        }

        var out: [UInt8] = PNGDecoder.signature
        appendChunk("IHDR", header, to: &out)
        appendChunk("IDAT", ZlibEncoder.stored(raw), to: &out)
        appendChunk("IEND", [], to: &out)
        return out
    }

    private static func appendChunk(_ type: String, _ data: [UInt8], to out: inout [UInt8]) {
        appendUInt32(UInt32(data.count), to: &out)
        let typeBytes = Array(type.utf8)
        out.append(contentsOf: typeBytes)
        out.append(contentsOf: data)
        appendUInt32(Checksums.crc32(data, continuing: Checksums.crc32(typeBytes)), to: &out)
    }

    private static func appendUInt32(_ value: UInt32, to out: inout [UInt8]) {
        out.append(contentsOf: [UInt8(value >> 24), UInt8((value >> 16) & 0xFF), UInt8((value >> 8) & 0xFF),
                                UInt8(value & 0xFF)])
    }
}

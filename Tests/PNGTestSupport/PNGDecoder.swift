import CZlib
import ECADMetrics

/// Decodes PNG files into `RGBImage`s, for tests that check what the encoders wrote (test support: nothing shipped
/// decodes PNG). zlib does the inflating and the CRCs.
///
/// Reads every non-interlaced PNG of the standard color types and bit depths: grayscale (1, 2, 4, 8, 16 bit),
/// truecolor (8, 16), palette (1, 2, 4, 8), grayscale+alpha (8, 16), truecolor+alpha (8, 16). 16-bit samples keep
/// their high byte; alpha is composited over white; a palette's tRNS chunk and all ancillary chunks are ignored.
/// Chunk CRCs are checked. Adam7-interlaced files are refused with a clear error.
public enum PNGDecoder {
    /// The eight bytes every PNG starts with.
    public static let signature: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]
    /// The largest `width * height` accepted (a guard against hostile headers).
    public static let maxPixels = 1 << 26

    /// Decodes PNG file bytes; throws ``PNGDecodeError`` naming the chunk or field at fault.
    public static func decode(_ bytes: [UInt8]) throws -> RGBImage {
        guard bytes.count >= 8, Array(bytes[0..<8]) == signature else {
            throw PNGDecodeError("missing PNG signature")
        }
        var header: PNGHeader?
        var palette: [UInt8] = []
        var compressed: [UInt8] = []
        var offset = 8
        var sawEnd = false
        while !sawEnd {
            guard offset + 12 <= bytes.count else { throw PNGDecodeError("file ends before IEND") }
            let length = Int(readUInt32(bytes, at: offset))
            let typeBytes = bytes[(offset + 4)..<(offset + 8)]
            let type = String(decoding: typeBytes, as: UTF8.self)
            guard length <= bytes.count - offset - 12 else {
                throw PNGDecodeError("chunk \(type) length \(length) runs past the end of the file")
            }
            let data = bytes[(offset + 8)..<(offset + 8 + length)]
            let storedCRC = readUInt32(bytes, at: offset + 8 + length)
            guard crc32(Array(typeBytes) + data) == storedCRC else {
                throw PNGDecodeError("CRC mismatch in chunk \(type)")
            }
            switch type {
            case "IHDR": header = try PNGHeader(Array(data))
            case "PLTE":
                guard length % 3 == 0, length > 0, length <= 768 else {
                    throw PNGDecodeError("PLTE length \(length) is not 3 to 768 bytes in steps of 3")
                }
                palette = Array(data)
            case "IDAT": compressed.append(contentsOf: data)
            case "IEND": sawEnd = true
            default:
                guard let first = typeBytes.first, first & 0x20 != 0 else {
                    throw PNGDecodeError("unknown critical chunk \(type)")
                }
            }
            if type != "IHDR", header == nil { throw PNGDecodeError("first chunk is \(type), not IHDR") }
            offset += length + 12
        }
        guard let header else { throw PNGDecodeError("no IHDR chunk") }
        guard !compressed.isEmpty else { throw PNGDecodeError("no IDAT chunk") }
        if header.colorType == 3, palette.isEmpty { throw PNGDecodeError("palette image without PLTE") }
        let expected = (header.rowBytes + 1) * header.height
        let raw = try inflate(compressed, expected: expected)
        let rows = try PNGScanlines.unfilter(raw, header: header)
        return try PNGScanlines.toRGB(rows, header: header, palette: palette)
    }

    /// CRC-32 (ISO 3309, as PNG chunks use) of `bytes`, by zlib.
    private static func crc32(_ bytes: [UInt8]) -> UInt32 {
        UInt32(truncatingIfNeeded: bytes.withUnsafeBufferPointer { CZlib.crc32(0, $0.baseAddress, uInt($0.count)) })
    }

    /// The zlib stream `compressed` inflated by zlib's `uncompress`, which must give exactly `expected` bytes.
    public static func inflate(_ compressed: [UInt8], expected: Int) throws -> [UInt8] {
        var output = [UInt8](repeating: 0, count: expected)
        var length = uLongf(expected)
        let status = output.withUnsafeMutableBufferPointer { out in
            compressed.withUnsafeBufferPointer { input in
                uncompress(out.baseAddress, &length, input.baseAddress, uLong(input.count))
            }
        }
        guard status == Z_OK else {
            let reason = status == Z_BUF_ERROR ? "more than the \(expected) bytes the header implies" : "corrupt (zlib \(status))"
            throw PNGDecodeError("image data is \(reason)")
        }
        guard Int(length) == expected else {
            throw PNGDecodeError("image data holds \(length) bytes, expected \(expected)")
        }
        return output
    }

    static func readUInt32(_ bytes: [UInt8], at offset: Int) -> UInt32 {
        bytes[offset..<(offset + 4)].reduce(UInt32(0)) { ($0 << 8) | UInt32($1) }
    }
}

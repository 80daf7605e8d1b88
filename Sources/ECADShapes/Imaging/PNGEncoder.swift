import CZlib
import Foundation

/// A minimal PNG writer: 8-bit gray, RGB or RGBA, filter 0 on every row, the image data deflated by zlib (level 6;
/// deterministic for one zlib version). Should zlib fail, the data goes out as stored (uncompressed) deflate blocks,
/// which any reader also opens.
public enum PNGEncoder {
    private static let signature: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]

    /// Encodes row-major interleaved 8-bit pixels (`[H, W, channels]`).
    /// - Parameter channels: 1 (gray), 3 (RGB) or 4 (RGBA).
    /// - Throws: `ShapesError.badImage` for other channel counts or a byte count that does not match.
    public static func encode(pixels: [UInt8], width: Int, height: Int, channels: Int) throws -> Data {
        guard [1, 3, 4].contains(channels) else {
            throw ShapesError.badImage(reason: "PNG channels must be 1, 3 or 4, not \(channels)")
        }
        guard width > 0, height > 0, pixels.count == width * height * channels else {
            throw ShapesError.badImage(reason: "\(pixels.count) bytes for \(width)x\(height)x\(channels)")
        }
        return encodeChecked(pixels: pixels, width: width, height: height, channels: channels)
    }

    /// Encodes pixels whose size the caller has checked.
    static func encodeChecked(pixels: [UInt8], width: Int, height: Int, channels: Int) -> Data {
        var header: [UInt8] = []
        append(UInt32(width), to: &header)
        append(UInt32(height), to: &header)
        let colorType: UInt8 = channels == 1 ? 0 : (channels == 3 ? 2 : 6)
        header += [8, colorType, 0, 0, 0]  // bit depth, color type, compression, filter, interlace

        let rowBytes = width * channels
        var raw: [UInt8] = []
        raw.reserveCapacity(height * (rowBytes + 1))
        for y in 0..<height {
            raw.append(0)
            raw += pixels[(y * rowBytes)..<((y + 1) * rowBytes)]
        }

        var file = signature
        chunk("IHDR", header, into: &file)
        chunk("IDAT", zlibDeflated(raw) ?? zlibStored(raw), into: &file)
        chunk("IEND", [], into: &file)
        return Data(file)
    }

    /// A zlib stream (RFC 1950) compressed by zlib's `compress2` at level 6, or nil when zlib refuses.
    static func zlibDeflated(_ data: [UInt8]) -> [UInt8]? {
        var capacity = compressBound(uLong(data.count))
        var out = [UInt8](repeating: 0, count: Int(capacity))
        let status = data.withUnsafeBufferPointer { source in
            out.withUnsafeMutableBufferPointer { target -> Int32 in
                guard let input = source.baseAddress, let output = target.baseAddress else { return Z_BUF_ERROR }
                return compress2(output, &capacity, input, uLong(data.count), 6)
            }
        }
        guard status == Z_OK else { return nil }
        return Array(out.prefix(Int(capacity)))
    }

    /// A zlib stream (RFC 1950) of stored deflate blocks (RFC 1951, BTYPE 00) with the Adler-32 trailer.
    static func zlibStored(_ data: [UInt8]) -> [UInt8] {
        var out: [UInt8] = [0x78, 0x01]
        var offset = 0
        repeat {
            let length = min(65_535, data.count - offset)
            let final: UInt8 = offset + length == data.count ? 1 : 0
            out.append(final)
            out += [UInt8(length & 0xFF), UInt8(length >> 8), UInt8(~length & 0xFF), UInt8((~length >> 8) & 0xFF)]
            out += data[offset..<(offset + length)]
            offset += length
        } while offset < data.count
        append(adler32(data), to: &out)
        return out
    }

    /// Adler-32 (RFC 1950).
    static func adler32(_ data: [UInt8]) -> UInt32 {
        var a: UInt32 = 1
        var b: UInt32 = 0
        for byte in data {
            a = (a + UInt32(byte)) % 65_521
            b = (b + a) % 65_521
        }
        return b << 16 | a
    }

    /// CRC-32 (ISO-HDLC, reflected polynomial 0xEDB88320), as PNG chunks use.
    static func crc32<S: Sequence>(_ bytes: S) -> UInt32 where S.Element == UInt8 {
        var crc: UInt32 = 0xFFFF_FFFF
        for byte in bytes {
            crc = crcTable[Int((crc ^ UInt32(byte)) & 0xFF)] ^ (crc >> 8)
        }
        return crc ^ 0xFFFF_FFFF
    }

    private static let crcTable: [UInt32] = (0..<256).map { n in
        var c = UInt32(n)
        for _ in 0..<8 { c = c & 1 == 1 ? 0xEDB8_8320 ^ (c >> 1) : c >> 1 }
        return c
    }

    private static func chunk(_ type: String, _ body: [UInt8], into file: inout [UInt8]) {
        let typeBytes = Array(type.utf8)
        append(UInt32(body.count), to: &file)
        file += typeBytes
        file += body
        append(crc32(typeBytes + body), to: &file)
    }

    private static func append(_ value: UInt32, to bytes: inout [UInt8]) {
        bytes += [UInt8(value >> 24), UInt8((value >> 16) & 0xFF), UInt8((value >> 8) & 0xFF), UInt8(value & 0xFF)]
    }
}

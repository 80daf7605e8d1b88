/// The fields of an IHDR chunk, validated.
struct PNGHeader {
    let width: Int
    let height: Int
    let bitDepth: Int
    let colorType: Int

    init(_ data: [UInt8]) throws {
        guard data.count == 13 else { throw PNGDecodeError("IHDR length \(data.count), expected 13") }
        width = Int(PNGDecoder.readUInt32(data, at: 0))
        height = Int(PNGDecoder.readUInt32(data, at: 4))
        bitDepth = Int(data[8])
        colorType = Int(data[9])
        guard width > 0, height > 0, width <= PNGDecoder.maxPixels / height else {
            throw PNGDecodeError(
                "IHDR size \(width)x\(height) is zero or above \(PNGDecoder.maxPixels) pixels")
        }
        let allowed: [Int: [Int]] = [0: [1, 2, 4, 8, 16], 2: [8, 16], 3: [1, 2, 4, 8], 4: [8, 16], 6: [8, 16]]
        guard let depths = allowed[colorType] else { throw PNGDecodeError("IHDR color type \(colorType)") }
        guard depths.contains(bitDepth) else {
            throw PNGDecodeError("IHDR bit depth \(bitDepth) not allowed for color type \(colorType)")
        }
        guard data[10] == 0, data[11] == 0 else { throw PNGDecodeError("IHDR compression or filter method") }
        guard data[12] == 0 else { throw PNGDecodeError("interlaced (Adam7) PNG is not supported") }
    }

    /// Samples per pixel.
    var channels: Int { [0: 1, 2: 3, 3: 1, 4: 2, 6: 4][colorType] ?? 1 }
    /// Bytes per complete pixel, at least 1 (the filter byte distance).
    var filterStride: Int { max(1, channels * bitDepth / 8) }
    /// Bytes in one scanline without its filter byte.
    var rowBytes: Int { (width * channels * bitDepth + 7) / 8 }
}

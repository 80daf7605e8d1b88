import ECADMetrics

/// Reverses PNG's per-row filters and converts samples of any supported format to 8-bit RGB.
enum PNGScanlines {
    /// Unfiltered scanlines (without filter bytes), concatenated.
    static func unfilter(_ raw: [UInt8], header: PNGHeader) throws -> [UInt8] {
        let rowBytes = header.rowBytes, stride = header.filterStride
        var out = [UInt8](repeating: 0, count: rowBytes * header.height)
        for y in 0..<header.height {
            let filter = raw[y * (rowBytes + 1)]
            let src = y * (rowBytes + 1) + 1
            let row = y * rowBytes
            for x in 0..<rowBytes {
                let a = x >= stride ? Int(out[row + x - stride]) : 0
                let b = y > 0 ? Int(out[row - rowBytes + x]) : 0
                let c = (x >= stride && y > 0) ? Int(out[row - rowBytes + x - stride]) : 0
                let predictor: Int
                switch filter {
                case 0: predictor = 0
                case 1: predictor = a
                case 2: predictor = b
                case 3: predictor = (a + b) / 2
                case 4: predictor = paeth(a, b, c)
                default: throw PNGDecodeError("row \(y) has unknown filter type \(filter)")
                }
                out[row + x] = UInt8(truncatingIfNeeded: Int(raw[src + x]) + predictor)
            }
        }
        return out
    }

    private static func paeth(_ a: Int, _ b: Int, _ c: Int) -> Int {
        let p = a + b - c
        let pa = abs(p - a), pb = abs(p - b), pc = abs(p - c)
        if pa <= pb && pa <= pc { return a }
        return pb <= pc ? b : c
    }

    /// The 8-bit RGB image of unfiltered rows.
    static func toRGB(_ rows: [UInt8], header: PNGHeader, palette: [UInt8]) throws -> RGBImage {
        let width = header.width, depth = header.bitDepth, channels = header.channels
        var pixels = [UInt8](repeating: 0, count: width * header.height * 3)
        for y in 0..<header.height {
            let row = y * header.rowBytes
            for x in 0..<width {
                var sample = [UInt8](repeating: 0, count: channels)
                for c in 0..<channels {
                    sample[c] = try read(rows, rowStart: row, index: x * channels + c, depth: depth,
                                         scale: header.colorType != 3)
                }
                let rgb = try color(of: sample, colorType: header.colorType, palette: palette)
                let dst = (y * width + x) * 3
                pixels[dst] = rgb.red
                pixels[dst + 1] = rgb.green
                pixels[dst + 2] = rgb.blue
            }
        }
        return try RGBImage(width: width, height: header.height, pixels: pixels)
    }

    /// Sample `index` of a row as 8 bits: 16-bit keeps the high byte; 1/2/4-bit gray is scaled up to 0...255,
    /// palette indices are returned as they are (`scale` false).
    private static func read(_ rows: [UInt8], rowStart: Int, index: Int, depth: Int, scale: Bool) throws -> UInt8 {
        switch depth {
        case 8: return rows[rowStart + index]
        case 16: return rows[rowStart + 2 * index]
        default:
            let bit = index * depth
            let shift = 8 - depth - bit % 8
            let value = (Int(rows[rowStart + bit / 8]) >> shift) & ((1 << depth) - 1)
            return UInt8(scale ? value * 255 / ((1 << depth) - 1) : value)
        }
    }

    private static func color(of sample: [UInt8], colorType: Int, palette: [UInt8]) throws -> RGBColor {
        switch colorType {
        case 0: return RGBColor(red: sample[0], green: sample[0], blue: sample[0])
        case 2: return RGBColor(red: sample[0], green: sample[1], blue: sample[2])
        case 3:
            let i = Int(sample[0]) * 3
            guard i + 2 < palette.count else {
                throw PNGDecodeError("palette index \(sample[0]) beyond PLTE's \(palette.count / 3) entries")
            }
            return RGBColor(red: palette[i], green: palette[i + 1], blue: palette[i + 2])
        case 4: return overWhite(sample[0], sample[0], sample[0], alpha: sample[1])
        default: return overWhite(sample[0], sample[1], sample[2], alpha: sample[3])
        }
    }

    private static func overWhite(_ r: UInt8, _ g: UInt8, _ b: UInt8, alpha: UInt8) -> RGBColor {
        let a = Int(alpha)
        func blend(_ v: UInt8) -> UInt8 { UInt8((Int(v) * a + 255 * (255 - a) + 127) / 255) }
        return RGBColor(red: blend(r), green: blend(g), blue: blend(b))
    }
}

import Foundation

/// A color in CIELAB (D65 white), used for perceptual color distances (CIE76 Delta E).
public struct ShapesLab: Sendable, Hashable {
    /// Lightness, 0...100.
    public var l: Float
    /// Green-red axis.
    public var a: Float
    /// Blue-yellow axis.
    public var b: Float

    /// Creates a Lab color.
    public init(l: Float, a: Float, b: Float) {
        self.l = l
        self.a = a
        self.b = b
    }

    /// Converts sRGB channels in 0...255 (fractional values allowed).
    public init(r: Float, g: Float, b blue: Float) {
        self.init(linearR: Self.linear(r / 255), g: Self.linear(g / 255), b: Self.linear(blue / 255))
    }

    /// Converts an 8-bit sRGB color (the sRGB decoding comes from a table).
    public init(_ rgb: ShapesRGB) {
        self.init(linearR: Self.table[Int(rgb.r)], g: Self.table[Int(rgb.g)], b: Self.table[Int(rgb.b)])
    }

    private init(linearR lr: Float, g lg: Float, b lb: Float) {
        let x = (0.412_456_4 * lr + 0.357_576_1 * lg + 0.180_437_5 * lb) / 0.950_47
        let y = 0.212_672_9 * lr + 0.715_152_2 * lg + 0.072_175 * lb
        let z = (0.019_333_9 * lr + 0.119_192 * lg + 0.950_304_1 * lb) / 1.088_83
        let fx = Self.f(x)
        let fy = Self.f(y)
        let fz = Self.f(z)
        self.init(l: 116 * fy - 16, a: 500 * (fx - fy), b: 200 * (fy - fz))
    }

    /// CIE76 color difference (Euclidean distance in Lab).
    public func distance(to other: ShapesLab) -> Float {
        let dl = l - other.l
        let da = a - other.a
        let db = b - other.b
        return (dl * dl + da * da + db * db).squareRoot()
    }

    private static let table: [Float] = (0..<256).map { linear(Float($0) / 255) }

    private static func linear(_ c: Float) -> Float {
        c <= 0.040_45 ? c / 12.92 : powf((c + 0.055) / 1.055, 2.4)
    }

    private static func f(_ t: Float) -> Float {
        t > 0.008_856 ? cbrtf(t) : 7.787 * t + 16 / 116
    }
}

/// The fixed, deterministic feature extractor behind the embedded domain's Fréchet distance (the FID analog).
///
/// No learned weights: 117 hand-designed features of an RGB image, each on a scale of roughly 0...1, in this
/// order (docs/metrics.md lists them with their formulas):
///
/// | range | count | feature |
/// |---|---|---|
/// | 0..<6 | 6 | mean and standard deviation of R, G, B (values / 255) |
/// | 6..<8 | 2 | mean and standard deviation of chroma, max(R,G,B) - min(R,G,B) |
/// | 8..<16 | 8 | fraction of pixels in each octant of the RGB cube (split at 128) |
/// | 16..<64 | 48 | spatial color layout: mean R, G, B of each cell of a 4x4 grid |
/// | 64..<88 | 24 | oriented-gradient histograms of luminance, 8 unsigned orientations, at scales 1, 1/2, 1/4 |
/// | 88..<104 | 16 | gradient layout: 4 orientations in each 2x2 quadrant, full scale |
/// | 104..<114 | 10 | fraction of pixels in 5 gradient-magnitude bins (flat ... strong edge), scales 1 and 1/2 |
/// | 114..<117 | 3 | mean absolute Laplacian of R, G, B (noise energy) |
///
/// Any image size is accepted; the grids divide the image proportionally. Changing any feature changes
/// `version`, so stored distances are never compared across definitions.
public struct ImageFeatureExtractor: Sendable {
    /// The number of features per image.
    public static let dimension = 117
    /// Identifies this definition in stored metrics and evaluation keys.
    public static let version = "ecad.features/v1"

    /// The extractor has no parameters: its definition is fixed by `version`.
    public init() {}

    /// The `dimension` features of one image.
    public func features(of image: RGBImage) -> [Double] {
        var out: [Double] = []
        out.reserveCapacity(Self.dimension)
        ColorFeatures.append(image, to: &out)
        GradientFeatures.append(image, to: &out)
        TextureFeatures.append(image, to: &out)
        return out
    }

    /// The features of each image, one row per image.
    public func features(of images: [RGBImage]) -> [[Double]] {
        images.map { features(of: $0) }
    }

    /// Short names of the features, index-aligned with `features(of:)` (e.g. `"layout.r[1,2]"`).
    public static let featureNames: [String] = {
        var names = ["mean.r", "mean.g", "mean.b", "std.r", "std.g", "std.b", "chroma.mean", "chroma.std"]
        names += (0..<8).map { "octant[\($0 >> 2 & 1)\($0 >> 1 & 1)\($0 & 1)]" }
        for row in 0..<4 {
            for col in 0..<4 { names += ["r", "g", "b"].map { "layout.\($0)[\(row),\(col)]" } }
        }
        for scale in [1, 2, 4] {
            names += (0..<8).map { "hog.s\(scale)[\($0 * 180 / 8)deg]" }
        }
        for quadrant in 0..<4 {
            names += (0..<4).map { "quadrant\(quadrant).hog[\($0 * 45)deg]" }
        }
        for scale in [1, 2] { names += (0..<5).map { "magnitude.s\(scale)[\($0)]" } }
        names += ["laplacian.r", "laplacian.g", "laplacian.b"]
        return names
    }()
}

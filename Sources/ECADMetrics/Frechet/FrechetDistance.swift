/// The Fréchet distance between two Gaussians fitted to feature sets (FID when the features are Inception's;
/// the embedded domain's FID analog with `ImageFeatureExtractor`).
///
/// `d^2 = ||mu1 - mu2||^2 + Tr(S1) + Tr(S2) - 2 Tr((S1 S2)^(1/2))`. The last trace is computed stably from
/// symmetric eigendecompositions (LAPACK `dsyevd_`): with `R = S1^(1/2)` (PSD square root), `S1 S2` is similar
/// to the symmetric PSD matrix `R S2 R`, so `Tr((S1 S2)^(1/2)) = sum_i sqrt(max(l_i, 0))` over the eigenvalues
/// of `R S2 R`. No complex arithmetic, no iterative matrix square root. Rounding can make the sum a hair below
/// zero for identical sets; the result is clamped at 0.
public enum FrechetDistance {
    /// The Fréchet distance between the Gaussians of two feature sets (rows are samples; both sets must have
    /// the same dimension and at least 2 rows each).
    public static func compute<T: BinaryFloatingPoint>(features1: [[T]], features2: [[T]]) throws -> Double {
        try compute(GaussianStatistics(features: features1), GaussianStatistics(features: features2))
    }

    /// The Fréchet distance between two sets of images under `extractor`'s features (at least 2 images each).
    public static func compute(
        images1: [RGBImage], images2: [RGBImage], extractor: ImageFeatureExtractor = ImageFeatureExtractor()
    ) throws -> Double {
        try compute(features1: extractor.features(of: images1), features2: extractor.features(of: images2))
    }

    /// The Fréchet distance between two Gaussians of the same dimension.
    public static func compute(_ a: GaussianStatistics, _ b: GaussianStatistics) throws -> Double {
        guard a.dimension == b.dimension else {
            throw MetricsError.invalidFeatures("dimensions differ: \(a.dimension) vs \(b.dimension)")
        }
        let n = a.dimension
        var meanTerm = 0.0, traceA = 0.0, traceB = 0.0
        for i in 0..<n {
            let diff = a.mean[i] - b.mean[i]
            meanTerm += diff * diff
            traceA += a.covariance[i * n + i]
            traceB += b.covariance[i * n + i]
        }
        let root = try SymmetricEigen.squareRoot(a.covariance, n: n)
        var product = SymmetricEigen.multiply(SymmetricEigen.multiply(root, b.covariance, n: n), root, n: n)
        for i in 0..<n {
            for j in (i + 1)..<n {
                let average = (product[i * n + j] + product[j * n + i]) / 2
                product[i * n + j] = average
                product[j * n + i] = average
            }
        }
        let eigenvalues = try SymmetricEigen.decompose(product, n: n, wantVectors: false).values
        let crossTrace = eigenvalues.reduce(0) { $0 + max(0, $1).squareRoot() }
        return max(0, meanTerm + traceA + traceB - 2 * crossTrace)
    }
}

import CBLAS

/// The mean and covariance of a set of feature vectors: the Gaussian that the Fréchet distance compares.
///
/// Computed in Double. The covariance is the unbiased sample covariance (divisor `count - 1`), as numpy's
/// `np.cov` and pytorch-fid use. Reference sets can store these statistics instead of their features.
public struct GaussianStatistics: Sendable, Equatable, Codable {
    /// The feature dimension `d`.
    public let dimension: Int
    /// How many vectors the statistics summarize.
    public let count: Int
    /// `[d]` mean vector.
    public let mean: [Double]
    /// `[d, d]` covariance, row-major, symmetric.
    public let covariance: [Double]

    /// Statistics of `features` (one row per sample, all rows the same length).
    ///
    /// Throws `MetricsError.invalidFeatures` for fewer than 2 rows, an empty or ragged row, or a non-finite value.
    public init<T: BinaryFloatingPoint>(features: [[T]]) throws {
        guard features.count >= 2 else {
            throw MetricsError.invalidFeatures("need at least 2 feature vectors, got \(features.count)")
        }
        let d = features[0].count
        guard d > 0 else { throw MetricsError.invalidFeatures("feature vectors are empty") }
        let n = features.count
        var data = [Double](repeating: 0, count: n * d)
        var mean = [Double](repeating: 0, count: d)
        for (i, row) in features.enumerated() {
            guard row.count == d else {
                throw MetricsError.invalidFeatures("row \(i) has \(row.count) values, row 0 has \(d)")
            }
            for (j, value) in row.enumerated() {
                let v = Double(value)
                guard v.isFinite else { throw MetricsError.invalidFeatures("row \(i) value \(j) is not finite") }
                data[i * d + j] = v
                mean[j] += v
            }
        }
        for j in 0..<d { mean[j] /= Double(n) }
        for i in 0..<n {
            for j in 0..<d { data[i * d + j] -= mean[j] }
        }
        var covariance = Self.gram(centered: data, rows: n, columns: d)
        let scale = 1 / Double(n - 1)
        for k in covariance.indices { covariance[k] *= scale }
        self.dimension = d
        self.count = n
        self.mean = mean
        self.covariance = covariance
    }

    /// Statistics given directly (e.g. read from a reference file).
    ///
    /// Throws `MetricsError.invalidFeatures` unless `covariance` has `mean.count^2` finite values and is symmetric.
    public init(mean: [Double], covariance: [Double], count: Int) throws {
        let d = mean.count
        guard d > 0, covariance.count == d * d else {
            throw MetricsError.invalidFeatures("covariance has \(covariance.count) values, mean has \(d)")
        }
        guard mean.allSatisfy(\.isFinite), covariance.allSatisfy(\.isFinite) else {
            throw MetricsError.invalidFeatures("statistics contain non-finite values")
        }
        for i in 0..<d {
            for j in (i + 1)..<d where abs(covariance[i * d + j] - covariance[j * d + i])
                > 1e-9 * max(1, abs(covariance[i * d + j])) {
                throw MetricsError.invalidFeatures("covariance is not symmetric at (\(i), \(j))")
            }
        }
        self.dimension = d
        self.count = count
        self.mean = mean
        self.covariance = covariance
    }

    /// `X^T X` of a row-major `rows x columns` matrix, via `cblas_dgemm`.
    private static func gram(centered x: [Double], rows: Int, columns: Int) -> [Double] {
        var out = [Double](repeating: 0, count: columns * columns)
        cblas_dgemm(CblasRowMajor, CblasTrans, CblasNoTrans, Int32(columns), Int32(columns), Int32(rows),
                    1, x, Int32(columns), x, Int32(columns), 0, &out, Int32(columns))
        return out
    }
}

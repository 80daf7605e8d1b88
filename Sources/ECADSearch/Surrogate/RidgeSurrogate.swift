/// A ridge regression from feature vectors to a score: the surrogate that ranks offspring before any image is
/// generated for them (`[strategy] surrogate`).
///
/// Fitting centres the features and targets, then solves `(XᵀX + λI) w = Xᵀy` by Cholesky factorization. The
/// systems are tiny (a few dozen features), so this is done here in plain Swift rather than through LAPACK: the
/// search library links nothing else (docs/architecture.md). The same samples in the same order give the same
/// weights bit for bit, so a resumed search screens exactly as an uninterrupted one.
public struct RidgeSurrogate: Sendable, Equatable {
    /// Weight per feature.
    public let weights: [Double]
    /// Prediction at the mean feature vector (the mean target).
    public let intercept: Double
    /// Mean of each feature over the samples.
    let featureMeans: [Double]

    /// Fits `targets` from `features` (one row per sample) with penalty `lambda`.
    /// - Throws: ``SearchError/invalidConfiguration(_:)`` without samples, for rows of different lengths, a
    ///   non-positive or non-finite `lambda`, or non-finite values.
    public init(features: [[Double]], targets: [Double], lambda: Double) throws(SearchError) {
        guard !features.isEmpty, features.count == targets.count else {
            throw .invalidConfiguration("a surrogate needs matching samples and targets, got \(features.count) and \(targets.count)")
        }
        guard lambda > 0, lambda.isFinite else {
            throw .invalidConfiguration("ridge penalty must be positive and finite, got \(lambda)")
        }
        let width = features[0].count
        guard features.allSatisfy({ $0.count == width && $0.allSatisfy(\.isFinite) }), targets.allSatisfy(\.isFinite) else {
            throw .invalidConfiguration("surrogate samples must be finite rows of \(width) features")
        }
        let count = Double(features.count)
        let means = (0..<width).map { column in features.reduce(0) { $0 + $1[column] } / count }
        let meanTarget = targets.reduce(0, +) / count
        var gram = [Double](repeating: 0, count: width * width)
        var moment = [Double](repeating: 0, count: width)
        for (row, target) in zip(features, targets) {
            let centred = zip(row, means).map { $0 - $1 }
            for i in 0..<width {
                moment[i] += centred[i] * (target - meanTarget)
                for j in 0...i { gram[i * width + j] += centred[i] * centred[j] }
            }
        }
        for i in 0..<width { gram[i * width + i] += lambda }
        weights = Self.solve(lowerSymmetric: gram, width: width, rightHandSide: moment)
        intercept = meanTarget
        featureMeans = means
    }

    /// The predicted score of one feature vector.
    public func predict(_ row: [Double]) -> Double {
        precondition(row.count == weights.count, "\(row.count) features for a \(weights.count)-feature surrogate")
        var value = intercept
        for index in row.indices { value += weights[index] * (row[index] - featureMeans[index]) }
        return value
    }

    /// Solves `A x = b` for symmetric positive definite `A` given by its lower triangle (row-major, `width²`).
    private static func solve(lowerSymmetric matrix: [Double], width: Int, rightHandSide: [Double]) -> [Double] {
        var factor = [Double](repeating: 0, count: width * width)
        for i in 0..<width {
            for j in 0...i {
                var sum = matrix[i * width + j]
                for k in 0..<j { sum -= factor[i * width + k] * factor[j * width + k] }
                factor[i * width + j] = i == j ? sum.squareRoot() : sum / factor[j * width + j]
            }
        }
        var forward = [Double](repeating: 0, count: width)
        for i in 0..<width {
            var sum = rightHandSide[i]
            for k in 0..<i { sum -= factor[i * width + k] * forward[k] }
            forward[i] = sum / factor[i * width + i]
        }
        var solution = [Double](repeating: 0, count: width)
        for i in stride(from: width - 1, through: 0, by: -1) {
            var sum = forward[i]
            for k in (i + 1)..<width { sum -= factor[k * width + i] * solution[k] }
            solution[i] = sum / factor[i * width + i]
        }
        return solution
    }
}

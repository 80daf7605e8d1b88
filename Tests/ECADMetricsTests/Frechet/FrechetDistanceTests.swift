import Foundation
import Testing

@testable import ECADMetrics
import ECADSearch

struct FrechetDistanceTests {
    static func gaussianSet(count: Int, dimension: Int, seed: UInt64, shift: Double = 0) -> [[Double]] {
        var generator = SplitMix64(seed: seed)
        // Correlated features: a random mixing of independent normals.
        let mixing = (0..<(dimension * dimension)).map { _ in generator.normal() * 0.5 }
        return (0..<count).map { _ in
            let z = (0..<dimension).map { _ in generator.normal() }
            return (0..<dimension).map { i in
                (0..<dimension).reduce(shift) { $0 + mixing[i * dimension + $1] * z[$1] }
            }
        }
    }

    @Test func distanceOfASetToItselfIsZero() throws {
        let x = Self.gaussianSet(count: 300, dimension: 12, seed: 1)
        #expect(try FrechetDistance.compute(features1: x, features2: x) < 1e-9)
    }

    @Test func isSymmetric() throws {
        let x = Self.gaussianSet(count: 200, dimension: 8, seed: 2)
        let y = Self.gaussianSet(count: 150, dimension: 8, seed: 3)
        let xy = try FrechetDistance.compute(features1: x, features2: y)
        let yx = try FrechetDistance.compute(features1: y, features2: x)
        #expect(xy > 0.1)
        #expect(abs(xy - yx) < 1e-9 * xy)
    }

    @Test func matchesNumpyReferenceValue() throws {
        // Reference: numpy, np.cov and the eigenvalues of the non-symmetric S1 @ S2 (an independent method).
        var x: [[Double]] = [], y: [[Double]] = []
        for i in 0..<40 {
            let t = Double(i)
            x.append((0..<5).map { (j: Int) -> Double in
                let s = Double(j)
                return sin(0.37 * t * (s + 1) + 0.11 * s) + 0.05 * s * cos(1.3 * t)
            })
            y.append((0..<5).map { (j: Int) -> Double in
                let s = Double(j)
                return cos(0.23 * t * (s + 2)) * (1 + 0.1 * s) + 0.3
            })
        }
        #expect(abs(try FrechetDistance.compute(features1: x, features2: y) - 0.5201411999565551) < 1e-10)
    }

    @Test func diagonalGaussiansMatchTheClosedForm() throws {
        let mean1 = [0.0, 1.0, -2.0, 0.5], mean2 = [1.0, 1.0, 0.0, -0.5]
        let variances1 = [1.0, 4.0, 0.25, 9.0], variances2 = [2.0, 1.0, 0.25, 0.0]
        let a = try GaussianStatistics(mean: mean1, covariance: Self.diagonal(variances1), count: 10)
        let b = try GaussianStatistics(mean: mean2, covariance: Self.diagonal(variances2), count: 10)
        var expected = 0.0
        for i in 0..<4 {
            expected += (mean1[i] - mean2[i]) * (mean1[i] - mean2[i])
            let d = variances1[i].squareRoot() - variances2[i].squareRoot()
            expected += d * d
        }
        #expect(abs(try FrechetDistance.compute(a, b) - expected) < 1e-10)
    }

    @Test func scaledCovarianceMatchesTheClosedForm() throws {
        // S2 = c^2 S1 with a full (correlated) S1: d^2 = (1 - c)^2 Tr(S1).
        let a = try GaussianStatistics(features: Self.gaussianSet(count: 100, dimension: 6, seed: 4))
        let c = 1.7
        let b = try GaussianStatistics(mean: a.mean, covariance: a.covariance.map { $0 * c * c }, count: a.count)
        let trace = (0..<6).reduce(0.0) { $0 + a.covariance[$1 * 6 + $1] }
        #expect(abs(try FrechetDistance.compute(a, b) - (1 - c) * (1 - c) * trace) < 1e-9)
    }

    @Test func growsWithAShift() throws {
        let x = Self.gaussianSet(count: 120, dimension: 5, seed: 5)
        var previous = -1.0
        for shift in [0.0, 0.25, 0.5, 1.0, 2.0] {
            let shifted = x.map { $0.map { $0 + shift } }
            let distance = try FrechetDistance.compute(features1: x, features2: shifted)
            #expect(abs(distance - 5 * shift * shift) < 1e-8)  // only the mean term changes
            #expect(distance > previous)
            previous = distance
        }
    }

    @Test func acceptsFloatFeatures() throws {
        let x = Self.gaussianSet(count: 50, dimension: 4, seed: 6)
        let single = x.map { $0.map(Float.init) }
        let shifted = single.map { $0.map { $0 + 1 } }
        #expect(abs(try FrechetDistance.compute(features1: single, features2: shifted) - 4) < 1e-4)
    }

    @Test func refusesBadFeatureSets() {
        #expect(throws: MetricsError.invalidFeatures("need at least 2 feature vectors, got 1")) {
            try FrechetDistance.compute(features1: [[1.0, 2.0]], features2: [[1.0, 2.0], [3.0, 4.0]])
        }
        #expect(throws: MetricsError.invalidFeatures("row 1 has 1 values, row 0 has 2")) {
            try GaussianStatistics(features: [[1.0, 2.0], [3.0]])
        }
        #expect(throws: MetricsError.invalidFeatures("row 0 value 1 is not finite")) {
            try GaussianStatistics(features: [[1.0, .nan], [3.0, 4.0]])
        }
        #expect(throws: MetricsError.invalidFeatures("dimensions differ: 2 vs 3")) {
            try FrechetDistance.compute(features1: [[1.0, 2.0], [0.0, 1.0]], features2: [[1.0, 2.0, 3.0], [0, 0, 1]])
        }
    }

    static func diagonal(_ values: [Double]) -> [Double] {
        var out = [Double](repeating: 0, count: values.count * values.count)
        for (i, v) in values.enumerated() { out[i * values.count + i] = v }
        return out
    }
}

import Foundation
import Testing
@testable import ECADEngine
import ECADSearch

/// Naive reference products the BLAS-backed kernels must agree with.
struct LinearAlgebraTests {
    static func naiveLinear(_ x: Tensor, _ w: Tensor, _ b: Tensor?) -> Tensor {
        let (m, k, n) = (x.rowCount, x.lastDimension, w.shape[0])
        var out = [Float](repeating: 0, count: m * n)
        for i in 0..<m {
            for j in 0..<n {
                var s: Float = b?.scalars[j] ?? 0
                for l in 0..<k { s += x.scalars[i * k + l] * w.scalars[j * k + l] }
                out[i * n + j] = s
            }
        }
        return Tensor(shape: Array(x.shape.dropLast()) + [n], scalars: out)
    }

    @Test func linearMatchesNaiveProductWithAndWithoutBias() {
        var rng = SplitMix64(seed: 1)
        let x = Tensor.random([2, 5, 7], generator: &rng)
        let w = Tensor.random([3, 7], generator: &rng)
        let b = Tensor.random([3], generator: &rng)
        let y = Kernels.linear(x, weight: w, bias: b)
        #expect(y.shape == [2, 5, 3])
        #expect(y.maxDifference(Self.naiveLinear(x, w, b)) < 1e-5)
        #expect(Kernels.linear(x, weight: w, bias: nil).maxDifference(Self.naiveLinear(x, w, nil)) < 1e-5)
    }

    @Test func batchedMatmulMatchesNaiveInBothLayouts() {
        var rng = SplitMix64(seed: 2)
        let a = Tensor.random([3, 4, 5], generator: &rng)
        let b = Tensor.random([3, 5, 6], generator: &rng)
        let c = Kernels.batchedMatmul(a, b)
        var worst: Float = 0
        for g in 0..<3 {
            for i in 0..<4 {
                for j in 0..<6 {
                    var s: Float = 0
                    for l in 0..<5 { s += a.scalars[(g * 4 + i) * 5 + l] * b.scalars[(g * 5 + l) * 6 + j] }
                    worst = max(worst, abs(s - c.scalars[(g * 4 + i) * 6 + j]))
                }
            }
        }
        #expect(worst < 1e-5)
        // Transposed B: build B^T explicitly and compare.
        var bt = [Float](repeating: 0, count: 3 * 6 * 5)
        for g in 0..<3 { for l in 0..<5 { for j in 0..<6 { bt[(g * 6 + j) * 5 + l] = b.scalars[(g * 5 + l) * 6 + j] } } }
        let ct = Kernels.batchedMatmul(a, Tensor(shape: [3, 6, 5], scalars: bt), transposeB: true)
        #expect(ct.maxDifference(c) < 1e-5)
    }

    @Test func attentionMatchesNaivePerHeadComputationWithKeyBias() {
        var rng = SplitMix64(seed: 3)
        let (b, tq, tk, d, heads) = (2, 5, 4, 8, 2)
        let q = Tensor.random([b, tq, d], generator: &rng)
        let k = Tensor.random([b, tk, d], generator: &rng)
        let v = Tensor.random([b, tk, d], generator: &rng)
        let bias = Tensor(shape: [b, tk], scalars: [0, 0, -10000, -10000, 0, 0, 0, 0])
        let out = Kernels.attention(q: q, k: k, v: v, heads: heads, keyBias: bias)
        let dh = d / heads
        var worst: Float = 0
        for s in 0..<b {
            for h in 0..<heads {
                for i in 0..<tq {
                    var logits = (0..<tk).map { j in
                        (0..<dh).reduce(Float(0)) { $0 + q.scalars[(s * tq + i) * d + h * dh + $1] * k.scalars[(s * tk + j) * d + h * dh + $1] }
                            / Float(dh).squareRoot() + bias.scalars[s * tk + j]
                    }
                    let peak = logits.max() ?? 0
                    logits = logits.map { expf($0 - peak) }
                    let total = logits.reduce(0, +)
                    for c in 0..<dh {
                        let expected = (0..<tk).reduce(Float(0)) { $0 + logits[$1] / total * v.scalars[(s * tk + $1) * d + h * dh + c] }
                        worst = max(worst, abs(expected - out.scalars[(s * tq + i) * d + h * dh + c]))
                    }
                }
            }
        }
        #expect(worst < 1e-5)
        // A masked key has no influence: changing its value leaves sample 0 unchanged.
        var v2 = v
        for c in 0..<d { v2.scalars[2 * d + c] += 5 }
        let out2 = Kernels.attention(q: q, k: k, v: v2, heads: heads, keyBias: bias)
        #expect(out2.slice(outer: 0..<1).maxDifference(out.slice(outer: 0..<1)) < 1e-5)
    }
}

import Testing
@testable import ECADEngine
import ECADSearch

/// The hand-written AVX2 kernels (`KernelPath.native`) compute the same functions as the OpenBLAS path, on
/// shapes that exercise every edge: rows not a multiple of the 6-row tile, outputs not a multiple of the
/// 16-column panel, keys not a multiple of 16, head widths that end in an 8-column group, padded keys.
@Suite(.enabled(if: KernelPath.nativeAvailable, "needs a CPU with AVX2 and FMA"))
struct NativeKernelTests {
    /// Largest difference relative to the largest magnitude of `expected`.
    static func relativeError(_ actual: Tensor, _ expected: Tensor) -> Float {
        let scale = expected.scalars.reduce(Float(0)) { max($0, abs($1)) }
        return actual.maxDifference(expected) / max(scale, 1e-12)
    }

    @Test(arguments: [(1, 1, 1), (6, 16, 8), (37, 27, 40), (300, 50, 129), (13, 33, 512)])
    func denseMatchesOpenBLAS(shape: (rows: Int, outputs: Int, inputs: Int)) {
        var rng = SplitMix64(seed: UInt64(shape.rows * 1000 + shape.outputs))
        let x = Tensor.random([shape.rows, shape.inputs], generator: &rng)
        let w = Tensor.random([shape.outputs, shape.inputs], generator: &rng)
        let b = Tensor.random([shape.outputs], generator: &rng)
        for bias in [b, nil] {
            let native = Kernels.linear(x, weight: w, bias: bias, path: .native)
            let blas = Kernels.linear(x, weight: w, bias: bias, path: .blas)
            #expect(Self.relativeError(native, blas) < 1e-5, "\(shape) bias \(bias != nil)")
        }
    }

    @Test func geluEpilogueMatchesSeparateGelu() {
        var rng = SplitMix64(seed: 5)
        // Scale 4: pre-activations reach about +-30, far into both tails of GELU.
        let x = Tensor.random([50, 24], scale: 4, generator: &rng)
        let w = Tensor.random([40, 24], generator: &rng)
        let b = Tensor.random([40], generator: &rng)
        let fused = Kernels.linear(x, packed: PackedWeights(w), bias: b, epilogue: .geluTanh)
        let separate = Kernels.geluTanh(Kernels.linear(x, weight: w, bias: b, path: .blas))
        #expect(Self.relativeError(fused, separate) < 1e-5)
    }

    @Test func feedForwardMatchesOpenBLAS() {
        var rng = SplitMix64(seed: 6)
        let x = Tensor.random([2, 300, 24], generator: &rng)
        let (w1, b1) = (Tensor.random([96, 24], generator: &rng), Tensor.random([96], generator: &rng))
        let (w2, b2) = (Tensor.random([24, 96], generator: &rng), Tensor.random([24], generator: &rng))
        let native = Kernels.feedForward(
            x, inner: LinearWeights(weight: w1, bias: b1, path: .native), outer: LinearWeights(weight: w2, bias: b2, path: .native))
        let blas = Kernels.feedForward(
            x, inner: LinearWeights(weight: w1, bias: b1, path: .blas), outer: LinearWeights(weight: w2, bias: b2, path: .blas))
        #expect(native.shape == [2, 300, 24])
        #expect(Self.relativeError(native, blas) < 1e-5)
    }

    @Test(arguments: [(8, 1, 13, 19), (24, 2, 7, 16), (32, 4, 256, 256), (40, 3, 20, 5)])
    func attentionMatchesOpenBLAS(shape: (headDim: Int, heads: Int, queries: Int, keys: Int)) {
        var rng = SplitMix64(seed: UInt64(shape.headDim * 100 + shape.keys))
        let d = shape.headDim * shape.heads
        let q = Tensor.random([2, shape.queries, d], scale: 2, generator: &rng)
        let k = Tensor.random([2, shape.keys, d], scale: 2, generator: &rng)
        let v = Tensor.random([2, shape.keys, d], generator: &rng)
        // Sample 0 has its last keys padded out (-10000, as diffusers masks captions); sample 1 none.
        let bias = Tensor(shape: [2, shape.keys], scalars: (0..<(2 * shape.keys)).map {
            $0 < shape.keys && $0 >= (shape.keys + 1) / 2 ? -10000 : 0
        })
        for keyBias in [bias, nil] {
            let native = Kernels.attention(q: q, k: k, v: v, heads: shape.heads, keyBias: keyBias, path: .native)
            let blas = Kernels.attention(q: q, k: k, v: v, heads: shape.heads, keyBias: keyBias, path: .blas)
            #expect(Self.relativeError(native, blas) < 1e-5, "\(shape) bias \(keyBias != nil)")
        }
    }

    @Test func paddedKeysGetNoWeight() {
        // Keys 3... are padded: the output must equal attention over keys 0..<3 alone.
        var rng = SplitMix64(seed: 8)
        let q = Tensor.random([1, 9, 16], generator: &rng)
        let k = Tensor.random([1, 20, 16], generator: &rng)
        let v = Tensor.random([1, 20, 16], generator: &rng)
        let bias = Tensor(shape: [1, 20], scalars: (0..<20).map { $0 < 3 ? 0 : -10000 })
        let masked = Kernels.attention(q: q, k: k, v: v, heads: 2, keyBias: bias, path: .native)
        let firstThree = { (t: Tensor) in Tensor(shape: [1, 3, 16], scalars: Array(t.scalars[0..<48])) }
        let alone = Kernels.attention(q: q, k: firstThree(k), v: firstThree(v), heads: 2, keyBias: nil, path: .native)
        #expect(masked.maxDifference(alone) < 1e-6)
    }
}

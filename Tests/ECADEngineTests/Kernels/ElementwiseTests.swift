import Foundation
import Testing
@testable import ECADEngine
import ECADSearch

/// Normalization, activations and softmax against closed forms.
struct ElementwiseTests {
    @Test func layerNormNormalizesEachRowAndAppliesAffine() {
        var rng = SplitMix64(seed: 4)
        let x = Tensor.random([3, 16], scale: 3, generator: &rng)
        let y = Kernels.layerNorm(x, eps: 1e-6)
        for row in 0..<3 {
            let r = Array(y.scalars[(row * 16)..<((row + 1) * 16)])
            let mean = r.reduce(0, +) / 16
            let variance = r.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / 16
            #expect(abs(mean) < 1e-5)
            #expect(abs(variance - 1) < 1e-3)
        }
        let w = Tensor(repeating: 2, shape: [16])
        let b = Tensor(repeating: 0.5, shape: [16])
        let z = Kernels.layerNorm(x, eps: 1e-6, weight: w, bias: b)
        #expect(z.maxDifference(Tensor(shape: y.shape, scalars: y.scalars.map { $0 * 2 + 0.5 })) < 1e-5)
    }

    @Test func activationsMatchClosedForms() {
        let x = Tensor(shape: [4], scalars: [-2, -0.5, 0, 1.5])
        let gelu = Kernels.geluTanh(x)
        let silu = Kernels.silu(x)
        for (i, v) in x.scalars.enumerated() {
            let g = 0.5 * Double(v) * (1 + tanh((2 / Double.pi).squareRoot() * (Double(v) + 0.044715 * pow(Double(v), 3))))
            #expect(abs(Double(gelu.scalars[i]) - g) < 1e-6)
            #expect(abs(Double(silu.scalars[i]) - Double(v) / (1 + exp(-Double(v)))) < 1e-6)
        }
    }

    @Test func softmaxRowsSumToOneAndPreserveOrder() {
        let x = Tensor(shape: [2, 3], scalars: [1, 2, 3, 1000, 1000, -1000])
        let y = Kernels.softmax(x)
        #expect(abs(y.scalars[0..<3].reduce(0, +) - 1) < 1e-6)
        #expect(y.scalars[0] < y.scalars[1] && y.scalars[1] < y.scalars[2])
        #expect(abs(y.scalars[3] - 0.5) < 1e-6 && y.scalars[5] == 0)
    }

    @Test func modulateAndGatedResidualBroadcastPerSample() {
        let x = Tensor(shape: [2, 1, 2], scalars: [1, 2, 3, 4])
        let scale = Tensor(shape: [2, 2], scalars: [0, 1, -1, 0])
        let shift = Tensor(shape: [2, 2], scalars: [10, 0, 0, 1])
        #expect(Kernels.modulate(x, scale: scale, shift: shift).scalars == [11, 4, 0, 5])
        var h = x
        Kernels.addGated(&h, x, gate: Tensor(shape: [2, 2], scalars: [1, 0, 2, 1]))
        #expect(h.scalars == [2, 2, 9, 8])
        Kernels.addGated(&h, x, gate: nil)
        #expect(h.scalars == [3, 4, 12, 12])
    }
}

/// The vectorizable exponential the activations and softmax use.
struct FastExpTests {
    @Test func fastExpIsWithinFewUlpOfLibm() {
        var worst: Double = 0
        var x: Float = -86.9
        while x <= 88 {
            let exact = exp(Double(x))
            worst = max(worst, abs(Double(Kernels.fastExp(x)) - exact) / exact)
            x += 0.0137
        }
        #expect(worst < 5e-7)
        #expect(Kernels.fastExp(0) == 1)
        #expect(Kernels.fastExp(-1000) == 0)
        #expect(Kernels.fastExp(1000).isFinite)
    }
}

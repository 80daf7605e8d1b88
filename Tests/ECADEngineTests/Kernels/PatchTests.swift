import Foundation
import Testing
@testable import ECADEngine
import ECADSearch

/// Patch embedding layout, unpatchify, and the sinusoidal tables.
struct PatchTests {
    @Test func patchifyThenLinearEqualsStridedConvolution() {
        var rng = SplitMix64(seed: 5)
        let (b, c, hw, p, d) = (2, 3, 8, 4, 5)
        let x = Tensor.random([b, c, hw, hw], generator: &rng)
        let w = Tensor.random([d, c, p, p], generator: &rng)
        let y = Kernels.linear(Kernels.patchify(x, patch: p), weight: w.reshaped([d, c * p * p]), bias: nil)
        let g = hw / p
        var worst: Float = 0
        for s in 0..<b { for i in 0..<g { for j in 0..<g { for o in 0..<d {
            var acc: Float = 0
            for ch in 0..<c { for u in 0..<p { for v in 0..<p {
                acc += w.scalars[((o * c + ch) * p + u) * p + v] * x.scalars[((s * c + ch) * hw + i * p + u) * hw + j * p + v]
            } } }
            worst = max(worst, abs(acc - y.scalars[((s * g + i) * g + j) * d + o]))
        } } } }
        #expect(worst < 1e-5)
    }

    @Test func unpatchifyPlacesPatchChannelsLikeTheReferenceEinsum() {
        // Token (i, j) holds [pi][qi][c]; the image pixel (c, i*p+pi, j*p+qi) must read it.
        let (h, w, p, c) = (2, 3, 2, 2)
        let x = Tensor(shape: [1, h * w, p * p * c], scalars: (0..<(h * w * p * p * c)).map(Float.init))
        let img = Kernels.unpatchify(x, gridHeight: h, gridWidth: w, patch: p, channels: c)
        #expect(img.shape == [1, c, h * p, w * p])
        for i in 0..<h { for j in 0..<w { for u in 0..<p { for v in 0..<p { for ch in 0..<c {
            let expected = Float(((i * w + j) * p * p + u * p + v) * c + ch)
            #expect(img.scalars[(ch * h * p + i * p + u) * w * p + j * p + v] == expected)
        } } } } }
    }

    @Test func sinCos2DPutsColumnCoordinateFirst() {
        let table = Kernels.sinCos2D(dimension: 8, gridHeight: 2, gridWidth: 3, baseSize: 2, interpolationScale: 1)
        #expect(table.shape == [6, 8])
        // Token (row 1, col 2): col coordinate 2 / (3/2) = 4/3, row coordinate 1 / (2/2) = 1.
        let row = Array(table.scalars[(5 * 8)..<(6 * 8)])
        let col = 4.0 / 3.0
        let expected = [sin(col), sin(col / 100), cos(col), cos(col / 100), sin(1), sin(0.01), cos(1), cos(0.01)]
        for (a, e) in zip(row, expected) { #expect(abs(Double(a) - e) < 1e-6) }
    }

    @Test func timestepFeaturesFlipToCosineFirst() {
        let f = Kernels.timestepFeatures([0, 10], dimension: 4, flipSinToCos: true, downscaleFreqShift: 0)
        #expect(f.scalars[0..<4] == [1, 1, 0, 0])
        let freq1 = exp(-log(10000.0) / 2)
        let expected = [cos(10.0), cos(10 * freq1), sin(10.0), sin(10 * freq1)]
        for (a, e) in zip(f.scalars[4..<8], expected) { #expect(abs(Double(a) - e) < 1e-5) }
    }
}

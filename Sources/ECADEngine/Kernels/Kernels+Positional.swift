import Foundation

extension Kernels {
    /// 1-D sin-cos embedding of positions: `[M] -> [M, D]`, first half `sin(pos * omega)`, second half
    /// `cos(pos * omega)`, `omega_i = 10000^(-i / (D/2))`.
    package static func sinCos1D(dimension d: Int, positions: [Double]) -> [[Float]] {
        let half = d / 2
        let omega = (0..<half).map { 1 / pow(10000.0, Double($0) / (Double(d) / 2)) }
        return positions.map { pos in
            omega.map { Float(sin(pos * $0)) } + omega.map { Float(cos(pos * $0)) }
        }
    }

    /// The fixed 2-D sin-cos position table of diffusers' `PatchEmbed`.
    ///
    /// Grid coordinates are `index / (gridSize / baseSize) / interpolationScale`. Token `(i, j)` (row-major)
    /// gets `[emb_{D/2}(col j), emb_{D/2}(row i)]`: the column coordinate fills the first half.
    /// - Returns: `[gridHeight*gridWidth, D]`.
    package static func sinCos2D(
        dimension d: Int, gridHeight: Int, gridWidth: Int, baseSize: Double, interpolationScale: Double
    ) -> Tensor {
        precondition(d % 4 == 0, "sin-cos position embedding needs a dimension divisible by 4, got \(d)")
        // Coordinates are rounded to Float first, as the reference builds them in float32.
        let rows = (0..<gridHeight).map { Double(Float(Float($0) / (Float(gridHeight) / Float(baseSize)) / Float(interpolationScale))) }
        let cols = (0..<gridWidth).map { Double(Float(Float($0) / (Float(gridWidth) / Float(baseSize)) / Float(interpolationScale))) }
        let rowEmb = sinCos1D(dimension: d / 2, positions: rows)
        let colEmb = sinCos1D(dimension: d / 2, positions: cols)
        var scalars: [Float] = []
        scalars.reserveCapacity(gridHeight * gridWidth * d)
        for i in 0..<gridHeight {
            for j in 0..<gridWidth { scalars += colEmb[j] + rowEmb[i] }
        }
        return Tensor(shape: [gridHeight * gridWidth, d], scalars: scalars)
    }

    /// Sinusoidal timestep features as diffusers' `get_timestep_embedding`.
    ///
    /// `freq_i = exp(-ln(maxPeriod) * i / (half - shift))`; output `[sin(t*freq), cos(t*freq)]`, or
    /// `[cos, sin]` when `flipSinToCos`.
    /// - Returns: `[B, dimension]`.
    package static func timestepFeatures(
        _ timesteps: [Float], dimension: Int, flipSinToCos: Bool, downscaleFreqShift: Float, maxPeriod: Float = 10000
    ) -> Tensor {
        let half = dimension / 2
        let freqs = (0..<half).map { expf(-logf(maxPeriod) * Float($0) / (Float(half) - downscaleFreqShift)) }
        var scalars: [Float] = []
        scalars.reserveCapacity(timesteps.count * dimension)
        for t in timesteps {
            let args = freqs.map { t * $0 }
            let sines = args.map { sinf($0) }
            let cosines = args.map { cosf($0) }
            scalars += flipSinToCos ? cosines + sines : sines + cosines
            if dimension % 2 == 1 { scalars.append(0) }
        }
        return Tensor(shape: [timesteps.count, dimension], scalars: scalars)
    }
}

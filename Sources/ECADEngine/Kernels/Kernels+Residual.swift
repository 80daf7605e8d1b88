extension Kernels {
    /// Residual update `hidden + gate * y` (or `hidden + y` without a gate), rows across threads.
    ///
    /// - Parameters:
    ///   - hidden: `[B, T, D]`, updated in place.
    ///   - y: `[B, T, D]`.
    ///   - gate: `[B, D]` or nil.
    package static func addGated(_ hidden: inout Tensor, _ y: Tensor, gate: Tensor?) {
        precondition(hidden.shape == y.shape, "addGated: \(hidden.shape) vs \(y.shape)")
        let (b, t, d) = (hidden.shape[0], hidden.shape[1], hidden.shape[2])
        if let gate { precondition(gate.count == b * d, "addGated: gate \(gate.shape) for \(hidden.shape)") }
        let gated = gate != nil
        y.scalars.withBase { py in
            (gate?.scalars ?? []).withBase { pg in
                hidden.scalars.withMutableBase { ph in
                    parallelChunks(b * t, grain: 64) { rows in
                        for row in rows {
                            let (h, v) = (ph + row * d, py + row * d)
                            if gated {
                                let g = pg + row / t * d
                                for i in 0..<d { h[i] += g[i] * v[i] }
                            } else {
                                for i in 0..<d { h[i] += v[i] }
                            }
                        }
                    }
                }
            }
        }
    }
}

extension Kernels {
    /// Eight `Float` lanes (two SSE registers on baseline x86-64), for sums with a fixed lane order.
    package typealias Lanes = SIMD8<Float>

    /// Loads eight floats from `p` (no alignment needed).
    @inline(__always)
    package static func load(_ p: UnsafePointer<Float>) -> Lanes {
        UnsafeRawPointer(p).loadUnaligned(as: Lanes.self)
    }

    /// The sum of `count` floats at `p` (of their squares when `squared`): eight running lane sums, then
    /// the tail, in a fixed order.
    @inline(__always)
    package static func sum(_ p: UnsafePointer<Float>, count: Int, squared: Bool = false) -> Float {
        let vectorEnd = count - count % 8
        var sums = Lanes(repeating: 0)
        var i = 0
        while i < vectorEnd {
            let v = load(p + i)
            sums += squared ? v * v : v
            i += 8
        }
        var total = sums.sum()
        for j in vectorEnd..<count { total += squared ? p[j] * p[j] : p[j] }
        return total
    }

    /// The largest of `count` floats at `p` (`-inf` when empty), with eight independent running maxima.
    @inline(__always)
    package static func maximum(_ p: UnsafePointer<Float>, count: Int) -> Float {
        let vectorEnd = count - count % 8
        return withUnsafeTemporaryAllocation(of: Float.self, capacity: 8) { buffer in
            guard let lanes = buffer.baseAddress else { return -.infinity }
            lanes.initialize(repeating: -.infinity, count: 8)
            var i = 0
            while i < vectorEnd {
                for lane in 0..<8 where p[i + lane] > lanes[lane] { lanes[lane] = p[i + lane] }
                i += 8
            }
            var peak = -Float.infinity
            for lane in 0..<8 where lanes[lane] > peak { peak = lanes[lane] }
            for j in vectorEnd..<count where p[j] > peak { peak = p[j] }
            return peak
        }
    }
}

extension Array where Element == Float {
    /// Calls `body` with a pointer to the first element; an empty array passes a scratch element.
    @inlinable
    package func withBase<R>(_ body: (UnsafePointer<Float>) throws -> R) rethrows -> R {
        try withUnsafeBufferPointer { buffer in
            if let base = buffer.baseAddress { return try body(base) }
            var scratch: Float = 0
            return try withUnsafePointer(to: &scratch) { try body($0) }
        }
    }

    /// Calls `body` with a mutable pointer to the first element; an empty array passes a scratch element.
    @inlinable
    package mutating func withMutableBase<R>(_ body: (UnsafeMutablePointer<Float>) throws -> R) rethrows -> R {
        try withUnsafeMutableBufferPointer { buffer in
            if let base = buffer.baseAddress { return try body(base) }
            var scratch: Float = 0
            return try withUnsafeMutablePointer(to: &scratch) { try body($0) }
        }
    }
}

extension Kernels {
    /// A new array of `count` floats that `fill` must write completely (no zeroing pass first).
    @inlinable
    package static func uninitializedScalars(_ count: Int, _ fill: (UnsafeMutablePointer<Float>) -> Void) -> [Float] {
        [Float](unsafeUninitializedCapacity: count) { buffer, initialized in
            if let base = buffer.baseAddress {
                fill(base)
            }
            initialized = count
        }
    }
}

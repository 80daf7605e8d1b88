/// A dense, row-major tensor of `Float` values with value semantics.
///
/// Storage is a Swift array, so copies share memory until one of them is written (copy-on-write).
/// Engine code documents shapes as `[B, T, D]` (batch, tokens, channels) next to each use.
public struct Tensor: Sendable, Equatable {
    /// The extent of each dimension, outermost first.
    public private(set) var shape: [Int]
    /// The elements in row-major order; `count == shape.reduce(1, *)`.
    public var scalars: [Float]

    /// Creates a tensor from its shape and row-major elements.
    /// - Precondition: `scalars.count` equals the product of `shape`.
    public init(shape: [Int], scalars: [Float]) {
        precondition(shape.allSatisfy { $0 >= 0 }, "negative dimension in \(shape)")
        precondition(shape.reduce(1, *) == scalars.count, "shape \(shape) does not hold \(scalars.count) scalars")
        self.shape = shape
        self.scalars = scalars
    }

    /// A tensor of the given shape filled with `value`.
    public init(repeating value: Float, shape: [Int]) {
        self.init(shape: shape, scalars: [Float](repeating: value, count: shape.reduce(1, *)))
    }

    /// A zero-filled tensor of the given shape.
    public static func zeros(_ shape: [Int]) -> Tensor {
        Tensor(repeating: 0, shape: shape)
    }

    /// The number of elements.
    public var count: Int { scalars.count }

    /// The number of dimensions.
    public var rank: Int { shape.count }

    /// The size of the last dimension (1 for a scalar).
    public var lastDimension: Int { shape.last ?? 1 }

    /// The product of all dimensions but the last ("rows" of a row-major matrix view).
    public var rowCount: Int { lastDimension == 0 ? 0 : count / lastDimension }

    /// The same elements under a new shape with the same element count.
    public func reshaped(_ newShape: [Int]) -> Tensor {
        Tensor(shape: newShape, scalars: scalars)
    }

    /// Size in bytes of the element storage.
    public var byteCount: Int { scalars.count * MemoryLayout<Float>.stride }

    /// The largest absolute element (0 for an empty tensor).
    public var maxAbs: Float {
        scalars.reduce(0) { max($0, abs($1)) }
    }

    /// Rows `range` of the outermost dimension, as a new tensor: `[N, ...] -> [range.count, ...]`.
    public func slice(outer range: Range<Int>) -> Tensor {
        precondition(rank >= 1 && range.lowerBound >= 0 && range.upperBound <= shape[0], "slice \(range) out of \(shape)")
        let inner = shape[0] == 0 ? 0 : count / shape[0]
        var newShape = shape
        newShape[0] = range.count
        return Tensor(shape: newShape, scalars: Array(scalars[(range.lowerBound * inner)..<(range.upperBound * inner)]))
    }

    /// Concatenates tensors along the outermost dimension; all other dimensions must agree.
    public static func concatenate(outer parts: [Tensor]) -> Tensor {
        guard let first = parts.first else { return Tensor(shape: [0], scalars: []) }
        let tail = Array(first.shape.dropFirst())
        precondition(parts.allSatisfy { Array($0.shape.dropFirst()) == tail }, "concatenate: mismatched shapes")
        var scalars: [Float] = []
        scalars.reserveCapacity(parts.reduce(0) { $0 + $1.count })
        for part in parts { scalars += part.scalars }
        return Tensor(shape: [parts.reduce(0) { $0 + $1.shape[0] }] + tail, scalars: scalars)
    }
}

/// Why ``PNGDecoder`` refused a file; the message names the chunk, field or row at fault.
public struct PNGDecodeError: Error, Equatable, CustomStringConvertible {
    /// What is wrong.
    public let message: String

    /// An error saying `message`.
    public init(_ message: String) { self.message = message }

    public var description: String { "invalid PNG: \(message)" }
}

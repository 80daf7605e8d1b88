/// Every error ECADMetrics throws: bad images, bad feature sets, malformed PNG data, LAPACK failures.
public enum MetricsError: Error, Equatable, Sendable, CustomStringConvertible {
    /// An image's pixel buffer does not hold `width * height * 3` bytes, or a dimension is not positive.
    case invalidImage(String)
    /// Two images that must match (PSNR, SSIM) differ in size.
    case sizeMismatch(String)
    /// A feature set is empty, ragged, too small, or has the wrong dimension.
    case invalidFeatures(String)
    /// The bytes are not a PNG this decoder reads; the message names the chunk, field or block at fault.
    case invalidPNG(String)
    /// The zlib/deflate stream is malformed; the message names what is wrong.
    case invalidDeflate(String)
    /// A LAPACK routine reported failure (`info != 0`).
    case lapack(routine: String, info: Int32)
    /// An argument is out of its documented range; the message names it.
    case invalidArgument(String)

    public var description: String {
        switch self {
        case .invalidImage(let message): "invalid image: \(message)"
        case .sizeMismatch(let message): "image size mismatch: \(message)"
        case .invalidFeatures(let message): "invalid features: \(message)"
        case .invalidPNG(let message): "invalid PNG: \(message)"
        case .invalidDeflate(let message): "invalid deflate stream: \(message)"
        case .lapack(let routine, let info): "LAPACK \(routine) failed with info = \(info)"
        case .invalidArgument(let message): "invalid argument: \(message)"
        }
    }
}

/// Every error ECADMetrics throws: bad images, bad feature sets, LAPACK failures.
public enum MetricsError: Error, Equatable, Sendable, CustomStringConvertible {
    /// An image's pixel buffer does not hold `width * height * 3` bytes, or a dimension is not positive.
    case invalidImage(String)
    /// Two images that must match (PSNR, SSIM) differ in size.
    case sizeMismatch(String)
    /// A feature set is empty, ragged, too small, or has the wrong dimension.
    case invalidFeatures(String)
    /// A LAPACK routine reported failure (`info != 0`).
    case lapack(routine: String, info: Int32)
    /// An argument is out of its documented range; the message names it.
    case invalidArgument(String)

    public var description: String {
        switch self {
        case .invalidImage(let message): "invalid image: \(message)"
        case .sizeMismatch(let message): "image size mismatch: \(message)"
        case .invalidFeatures(let message): "invalid features: \(message)"
        case .lapack(let routine, let info): "LAPACK \(routine) failed with info = \(info)"
        case .invalidArgument(let message): "invalid argument: \(message)"
        }
    }
}

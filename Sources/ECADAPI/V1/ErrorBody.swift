/// The body of every 4xx/5xx response: `{"error":{"code":...,"message":...,"field":...}}`.
public struct ErrorBody: Codable, Sendable, Hashable, Error, CustomStringConvertible {
    /// The error itself.
    public struct Detail: Codable, Sendable, Hashable {
        /// A stable machine-readable code (see the constants on ``ErrorBody``).
        public var code: String
        /// A message naming the problem.
        public var message: String
        /// The request field at fault, as a dotted path, when there is one.
        public var field: String?

        /// Describes an error.
        public init(code: String, message: String, field: String? = nil) {
            self.code = code
            self.message = message
            self.field = field
        }
    }

    /// The error.
    public var error: Detail

    /// Wraps an error.
    public init(code: String, message: String, field: String? = nil) {
        self.error = Detail(code: code, message: message, field: field)
    }

    /// `code: message (field)`.
    public var description: String {
        "\(error.code): \(error.message)" + (error.field.map { " (field \($0))" } ?? "")
    }

    /// 400: the body or a parameter is malformed.
    public static let badRequest = "bad_request"
    /// 400: the body has a field the API does not know.
    public static let unknownField = "unknown_field"
    /// 401/403: the caller may not do this.
    public static let forbidden = "forbidden"
    /// 404: no such job, version or route.
    public static let notFound = "not_found"
    /// 405: the path exists but does not answer this method (the `Allow` header lists those it does).
    public static let methodNotAllowed = "method_not_allowed"
    /// 409: the job's state does not allow this action.
    public static let conflict = "conflict"
    /// 413: the body is larger than 1 MiB.
    public static let payloadTooLarge = "payload_too_large"
    /// 500: the daemon failed.
    public static let internalError = "internal"
    /// 429: the caller's uid has as many connections open as one user may (the connection is closed).
    public static let tooManyConnections = "too_many_connections"
    /// 503: the daemon is shutting down.
    public static let unavailable = "unavailable"
    /// 507: the disk holding the daemon's state is full; the message names the folder and its free bytes.
    public static let insufficientStorage = "insufficient_storage"
}

import ECADAPI

/// Why an `ecad` command failed, and the exit status that says so:
/// 1 refused by the daemon, 2 usage, 3 daemon unreachable.
public enum CLIError: Error, CustomStringConvertible {
    /// Nothing answers on the socket.
    case unreachable(socket: String, reason: String)
    /// The daemon answered with an error status.
    case refused(status: Int, body: ErrorBody)
    /// The daemon's answer could not be understood.
    case badResponse(String)
    /// The command line or an input file is wrong.
    case usage(String)
    /// A registry mirror could not be read, or a file from it failed its checks (nothing from it was used).
    case mirror(String)

    /// The process exit status for this error.
    public var exitCode: Int32 {
        switch self {
        case .refused, .badResponse, .mirror: 1
        case .usage: 2
        case .unreachable: 3
        }
    }

    /// A message for stderr.
    public var description: String {
        switch self {
        case .unreachable(let socket, let reason):
            """
            ecad: cannot reach ecadd at \(socket): \(reason)
            hint: start it with `ecadd --socket \(socket)` (or `systemctl start ecadd.socket`), \
            or point --socket / ECAD_SOCKET at a running daemon
            """
        case .refused(let status, let body):
            "ecad: refused (\(status)): \(body.error.message)" + (body.error.field.map { " [field \($0)]" } ?? "")
        case .badResponse(let message): "ecad: bad answer from ecadd: \(message)"
        case .usage(let message): "ecad: \(message)"
        case .mirror(let message): "ecad: mirror refused: \(message)"
        }
    }
}

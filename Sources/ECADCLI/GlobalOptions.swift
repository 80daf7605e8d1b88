import ArgumentParser
import Foundation

/// Options every daemon command takes.
struct GlobalOptions: ParsableArguments {
    @Option(help: "Daemon socket (default: $ECAD_SOCKET, then $XDG_RUNTIME_DIR/ecad/ecadd.sock, then /run/ecadd.sock).")
    var socket: String?

    /// The socket path to use, resolved from the flag and the environment.
    var socketPath: String {
        if let socket { return socket }
        let environment = ProcessInfo.processInfo.environment
        if let path = environment["ECAD_SOCKET"], !path.isEmpty { return path }
        if let runtime = environment["XDG_RUNTIME_DIR"], !runtime.isEmpty {
            let path = runtime + "/ecad/ecadd.sock"
            if FileManager.default.fileExists(atPath: path) { return path }
        }
        return "/run/ecadd.sock"
    }

    /// A client for the resolved socket.
    var client: APIClient { APIClient(http: UnixHTTPClient(socketPath: socketPath)) }
}

/// `--json` for read commands: print the API's JSON instead of a table.
struct OutputOptions: ParsableArguments {
    @Flag(help: "Print the API's JSON.")
    var json = false
}

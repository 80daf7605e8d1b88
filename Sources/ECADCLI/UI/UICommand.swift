import ArgumentParser
import Foundation

/// `ecad ui`: serves the daemon's dashboard to a browser on this machine. Listens on 127.0.0.1, prints one URL
/// with a random token, and forwards `/ui/` and `/v1/` requests to the daemon's socket as the user who runs it, so
/// the daemon's authorization applies unchanged.
struct UICommand: DaemonCommand {
    static let configuration = CommandConfiguration(
        commandName: "ui",
        abstract: "Serve the dashboard on 127.0.0.1 and print its URL (with a token).",
        discussion: """
            On a shared server, forward a port from your machine first (ssh -L 8765:127.0.0.1:8765 server), run \
            `ecad ui --port 8765` there, and open the printed URL locally. Ctrl-C stops it.
            """
    )

    @OptionGroup var global: GlobalOptions

    @Option(help: "Port to listen on (0: a free one).")
    var port = 0

    @Option(help: "Loopback address to listen on.")
    var bind = "127.0.0.1"

    func execute() throws(CLIError) {
        guard (0...65535).contains(port) else { throw CLIError.usage("--port: \(port) is not a port (0-65535)") }
        guard bind.hasPrefix("127.") else {
            throw CLIError.usage("--bind: \(bind) is not a loopback address; use an ssh port-forward to reach the dashboard from elsewhere")
        }
        let server = try UIProxyServer(address: bind, port: port, socketPath: global.socketPath)
        FileHandle.standardOutput.write(Data((server.url + "\n").utf8))
        FileHandle.standardError.write(Data("ecad ui: forwarding to \(global.socketPath); Ctrl-C stops it\n".utf8))
        server.run()
    }
}

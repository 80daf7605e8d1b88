import Foundation

/// `ecad ui`'s server: accepts browser connections on a ``TCPListener`` and serves each on its own thread with a
/// ``UIProxyConnection`` (a followed event stream holds its thread for as long as the browser watches).
struct UIProxyServer: Sendable {
    /// The listening socket.
    let listener: TCPListener
    /// Where the daemon listens.
    let socketPath: String
    /// The access rules.
    let policy: UIAccessPolicy

    /// Listens on `address:port` (0: a free port) with a fresh random token.
    init(address: String, port: Int, socketPath: String, token: UIToken = .random()) throws(CLIError) {
        listener = try TCPListener(address: address, port: port)
        self.socketPath = socketPath
        policy = UIAccessPolicy(token: token, address: address, port: listener.port)
    }

    /// The URL to open: the dashboard's queue page with the token.
    var url: String { "http://\(policy.address):\(policy.port)/ui/?token=\(policy.token.value)" }

    /// Serves connections until ``stop()``.
    func run() {
        let connection = UIProxyConnection(socketPath: socketPath, policy: policy)
        while let client = listener.nextConnection() {
            Thread.detachNewThread { connection.serve(SocketConnection(adopting: client)) }
        }
    }

    /// Stops accepting connections (those being served finish).
    func stop() { listener.shut() }
}

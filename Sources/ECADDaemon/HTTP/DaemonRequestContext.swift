import Hummingbird
import Logging

/// What the API server knows about a connection when a request arrives.
struct DaemonContextSource: RequestContextSource {
    /// Request logger.
    let logger: Logger
    /// The connection's peer, from SO_PEERCRED.
    let peer: PeerCredentials
}

/// The request context of every API route: Hummingbird's core storage plus the caller's credentials.
struct DaemonRequestContext: RequestContext {
    typealias Source = DaemonContextSource

    var coreContext: CoreRequestContextStorage
    /// Who is asking.
    let peer: PeerCredentials

    init(source: Source) {
        self.coreContext = .init(source: source)
        self.peer = source.peer
    }

    /// Request bodies larger than this get 413.
    var maxUploadSize: Int { APIFailure.maxBodyBytes }
}

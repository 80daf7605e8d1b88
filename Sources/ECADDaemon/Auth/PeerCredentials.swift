#if canImport(Glibc)
import Glibc
#endif
import NIOCore

/// Who is on the other end of an API connection, from `SO_PEERCRED` (as of `connect()`).
package struct PeerCredentials: Sendable, Hashable {
    /// The peer's process id.
    package var pid: Int32
    /// The peer's effective uid.
    package var uid: UInt32
    /// The peer's effective gid.
    package var gid: UInt32

    /// Creates credentials (tests use this to act as a user).
    package init(pid: Int32, uid: UInt32, gid: UInt32) {
        self.pid = pid
        self.uid = uid
        self.gid = gid
    }

    /// Reads `SO_PEERCRED` from an accepted Unix-socket channel.
    ///
    /// NIO offers no typed option for it, so this goes through `SocketOptionProvider`'s raw getter with
    /// Linux's `struct ucred`. The call does not fail on non-Unix sockets, so the address family is checked.
    package static func read(from channel: any Channel) -> EventLoopFuture<PeerCredentials> {
        guard let provider = channel as? any SocketOptionProvider else {
            return channel.eventLoop.makeFailedFuture(DaemonError.peerCredentials("channel has no socket options"))
        }
        if let address = channel.remoteAddress ?? channel.localAddress, address.protocol != .unix {
            return channel.eventLoop.makeFailedFuture(DaemonError.peerCredentials("not a Unix-domain socket"))
        }
        #if canImport(Glibc)
        let future: EventLoopFuture<LinuxPeerCred> = provider.unsafeGetSocketOption(
            level: SocketOptionLevel(SOL_SOCKET), name: LinuxPeerCred.optionName)
        return future.map { PeerCredentials(pid: $0.pid, uid: $0.uid, gid: $0.gid) }
        #else
        return channel.eventLoop.makeFailedFuture(DaemonError.peerCredentials("SO_PEERCRED needs Linux"))
        #endif
    }
}

/// Linux's `struct ucred` (pid_t, uid_t, gid_t), which Glibc's Swift module hides behind `_GNU_SOURCE`.
struct LinuxPeerCred: Sendable {
    var pid: Int32 = 0
    var uid: UInt32 = 0
    var gid: UInt32 = 0

    /// `SO_PEERCRED` from `<asm-generic/socket.h>` (17 on x86-64 and arm64).
    static let optionName = SocketOptionName(17)
}

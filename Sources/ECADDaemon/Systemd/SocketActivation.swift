import CSystemd

/// Socket activation: the listening socket systemd passes in (`LISTEN_FDS`, `LISTEN_PID`), if any.
package enum SocketActivation {
    /// The first inherited listening fd (3), or nil when the daemon was started by hand. The `LISTEN_*`
    /// variables are unset so that worker processes do not see them.
    package static func inheritedListener() -> Int32? {
        let count = sd_listen_fds(1)
        guard count >= 1 else { return nil }
        return SD_LISTEN_FDS_START
    }
}

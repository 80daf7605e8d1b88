import CSystemd

/// Sends `sd_notify` datagrams (READY, STATUS, WATCHDOG, STOPPING) to systemd; a no-op outside systemd.
///
/// libsystemd reads `NOTIFY_SOCKET` itself, so the same calls are harmless in a developer's shell or a test.
package struct SystemdNotifier: Sendable {
    /// Creates a notifier.
    package init() {}

    /// The watchdog interval systemd expects pings within (`WatchdogSec=`), or nil when no watchdog is set.
    package var watchdogInterval: Duration? {
        var usec: UInt64 = 0
        guard sd_watchdog_enabled(0, &usec) > 0, usec > 0 else { return nil }
        return .microseconds(Int64(usec))
    }

    /// Sends a raw state string such as `READY=1\nSTATUS=...`.
    package func send(_ state: String) {
        _ = sd_notify(0, state)
    }

    /// READY=1 with a status line: the database is open, leases reconciled and the listener is up.
    package func ready(status: String) { send("READY=1\nSTATUS=\(status)") }

    /// STATUS=..., shown by `systemctl status ecadd`.
    package func status(_ text: String) { send("STATUS=\(text)") }

    /// WATCHDOG=1, sent from the scheduler loop so that a wedged loop gets the unit restarted.
    package func watchdog() { send("WATCHDOG=1") }

    /// STOPPING=1 at the start of a graceful shutdown.
    package func stopping(status: String) { send("STOPPING=1\nSTATUS=\(status)") }

    /// EXTEND_TIMEOUT_USEC while workers checkpoint during shutdown.
    package func extendTimeout(by duration: Duration) {
        let usec = duration.components.seconds * 1_000_000 + duration.components.attoseconds / 1_000_000_000_000
        send("EXTEND_TIMEOUT_USEC=\(usec)")
    }
}

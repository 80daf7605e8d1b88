/// A decoded `waitpid` status, for logs and reasons.
package struct WaitStatus: Sendable, CustomStringConvertible {
    /// The raw status.
    package var raw: Int32

    /// Wraps a raw wait status.
    package init(_ raw: Int32) { self.raw = raw }

    /// The terminating signal, if the process was killed by one.
    package var signal: Int32? {
        let signal = raw & 0x7f
        return signal != 0 && signal != 0x7f ? signal : nil
    }

    /// The exit code, if the process exited normally.
    package var exitCode: Int32? { signal == nil ? (raw >> 8) & 0xff : nil }

    /// `exit 3` or `signal 9`.
    package var description: String {
        if let signal { return "signal \(signal)" }
        return "exit \(exitCode ?? -1)"
    }
}

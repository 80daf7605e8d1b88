import Synchronization

/// Counts the open API connections of each uid and refuses one past the per-uid cap, so that one user cannot
/// take the daemon to its file-descriptor limit. Users for whom `isExempt` holds (root and the admin group)
/// are counted but never refused, so an operator can always get in.
package final class ConnectionLimiter: Sendable {
    /// Open connections allowed per uid.
    package let maxPerUser: Int
    private let isExempt: @Sendable (UInt32) -> Bool
    private let open = Mutex<[UInt32: Int]>([:])

    /// Creates a limiter; `isExempt` is asked only when a uid reaches the cap.
    package init(maxPerUser: Int, isExempt: @escaping @Sendable (UInt32) -> Bool) {
        self.maxPerUser = maxPerUser
        self.isExempt = isExempt
    }

    /// Counts a new connection of `uid` and returns true, or returns false (counting nothing) when `uid`
    /// already has ``maxPerUser`` open and is not exempt.
    package func admit(_ uid: UInt32) -> Bool {
        let underCap = open.withLock { open -> Bool in
            guard open[uid, default: 0] < maxPerUser else { return false }
            open[uid, default: 0] += 1
            return true
        }
        if underCap { return true }
        guard isExempt(uid) else { return false }
        open.withLock { $0[uid, default: 0] += 1 }
        return true
    }

    /// Forgets an admitted connection that closed.
    package func release(_ uid: UInt32) {
        open.withLock { open in
            let left = open[uid, default: 0] - 1
            open[uid] = left > 0 ? left : nil
        }
    }
}

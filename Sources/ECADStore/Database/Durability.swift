/// How hard a write transaction insists on reaching the disk.
///
/// The writer connection runs `PRAGMA synchronous = FULL` (the WAL is synced at every commit), so a job accepted
/// or a state change survives a power cut. Frequent, rebuildable writes (log lines, progress snapshots,
/// heartbeats) use `relaxed`: `synchronous = NORMAL` for that one transaction, which stays consistent and
/// survives a crash of the daemon, and may lose only the last such writes on power loss. See docs/store.md.
enum Durability: Sendable {
    /// `synchronous = FULL`: job-state changes, submits, checkpoints, evaluations, registry.
    case full
    /// `synchronous = NORMAL`: logs, progress, heartbeats.
    case relaxed
}

/// The writer connection's `synchronous` policy; only the durability benchmark uses anything but the default.
package enum SyncMode: String, Sendable, CaseIterable {
    /// FULL, with logs, progress and heartbeats at NORMAL for their own transaction (the default).
    case fullWithRelaxedFrequentWrites
    /// FULL for every transaction.
    case fullAlways
    /// NORMAL for every transaction (GRDB's WAL default).
    case normalAlways
}

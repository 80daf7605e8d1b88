import ECADCore
import Foundation
internal import GRDB

/// Per-user decayed usage in slot-seconds, for fair share, kept in `userUsage` and charged from running jobs.
///
/// A running job carries `chargedAt`, the time up to which its run is already counted. Charging adds
/// `until - chargedAt` to the owner's usage (after decaying the stored value to `until`) and moves `chargedAt`.
struct UsageLedger {
    let db: Database
    let policy: PriorityPolicy

    /// Charges job `id`'s running time up to `until` to its owner.
    func charge(job id: JobID, until: Date) throws {
        guard
            let row = try Row.fetchOne(
                db, sql: "SELECT ownerUid, chargedAt FROM job WHERE id = ? AND state = 'RUNNING'",
                arguments: [id.rawValue]),
            let chargedAt = row["chargedAt"] as Double?
        else { return }
        let seconds = max(until.storeSeconds - chargedAt, 0)
        let uid: Int64 = row["ownerUid"]
        let previous = try Row.fetchOne(db, sql: "SELECT usage, updatedAt FROM userUsage WHERE uid = ?", arguments: [uid])
        var usage = seconds
        if let previous {
            let elapsed = until.storeSeconds - (previous["updatedAt"] as Double)
            usage += policy.decayed(previous["usage"], over: elapsed)
        }
        try db.execute(
            sql: """
                INSERT INTO userUsage (uid, usage, updatedAt) VALUES (?, ?, ?)
                ON CONFLICT (uid) DO UPDATE SET usage = excluded.usage, updatedAt = excluded.updatedAt
                """,
            arguments: [uid, usage, until.storeSeconds])
        try db.execute(
            sql: "UPDATE job SET chargedAt = ? WHERE id = ?", arguments: [max(chargedAt, until.storeSeconds), id.rawValue])
    }

    /// Every user's usage decayed to `now`, including running time not charged yet.
    func snapshot(now: Date) throws -> [UInt32: Double] {
        var usage: [UInt32: Double] = [:]
        for row in try Row.fetchAll(db, sql: "SELECT uid, usage, updatedAt FROM userUsage") {
            let uid = UInt32(row["uid"] as Int64)
            usage[uid] = policy.decayed(row["usage"], over: now.storeSeconds - (row["updatedAt"] as Double))
        }
        let sql = "SELECT ownerUid, chargedAt FROM job WHERE state = 'RUNNING' AND chargedAt IS NOT NULL"
        for row in try Row.fetchAll(db, sql: sql) {
            let uid = UInt32(row["ownerUid"] as Int64)
            usage[uid, default: 0] += max(now.storeSeconds - (row["chargedAt"] as Double), 0)
        }
        return usage
    }
}

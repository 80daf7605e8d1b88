import ECADCore
import Foundation
internal import GRDB

/// The index of job artifacts (the files themselves live in the state dir; the index records their digests).
public struct ArtifactIndex: Sendable {
    let database: StoreDatabase

    /// Records (or replaces, by path) an artifact of job `id`.
    /// - Throws: ``StoreError/invalidInput(field:message:)`` for a bad path, kind, digest or size;
    ///   ``StoreError/jobNotFound(_:)``.
    public func record(_ artifact: Artifact, job id: JobID) async throws {
        try InputLimits.validateRelativePath(artifact.relativePath, field: "relativePath")
        try InputLimits.validateJobName(artifact.kind, field: "kind")
        guard artifact.sha256.count == 64, artifact.sha256.allSatisfy({ $0.isHexDigit && !$0.isUppercase }) else {
            throw StoreError.invalidInput(field: "sha256", message: "must be 64 lowercase hex digits")
        }
        guard artifact.bytes >= 0 else { throw StoreError.invalidInput(field: "bytes", message: "negative size") }
        let now = database.now
        try await database.write { db in
            _ = try Job.require(db, id: id)
            try db.execute(
                sql: """
                    INSERT INTO artifact (jobId, kind, path, sha256, bytes, createdAt) VALUES (?, ?, ?, ?, ?, ?)
                    ON CONFLICT (jobId, path) DO UPDATE SET kind = excluded.kind, sha256 = excluded.sha256,
                        bytes = excluded.bytes, createdAt = excluded.createdAt
                    """,
                arguments: [id.rawValue, artifact.kind, artifact.relativePath, artifact.sha256, artifact.bytes,
                            now.storeSeconds])
        }
    }

    /// The artifacts of job `id`, by path.
    /// - Throws: ``StoreError/jobNotFound(_:)``.
    public func list(job id: JobID) async throws -> [Artifact] {
        try await database.read { db in
            _ = try Job.require(db, id: id)
            return try Row.fetchAll(db, sql: "SELECT * FROM artifact WHERE jobId = ? ORDER BY path", arguments: [id.rawValue])
                .map { Artifact(kind: $0["kind"], relativePath: $0["path"], sha256: $0["sha256"], bytes: $0["bytes"]) }
        }
    }

    /// The artifact of job `id` at exactly `relativePath`, or nil when the job has none there.
    /// - Throws: ``StoreError/invalidInput(field:message:)`` for a bad path; ``StoreError/jobNotFound(_:)``.
    public func artifact(job id: JobID, path relativePath: String) async throws -> Artifact? {
        try InputLimits.validateRelativePath(relativePath, field: "path")
        return try await database.read { db in
            _ = try Job.require(db, id: id)
            return try Row.fetchOne(
                db, sql: "SELECT * FROM artifact WHERE jobId = ? AND path = ?", arguments: [id.rawValue, relativePath]
            ).map { Artifact(kind: $0["kind"], relativePath: $0["path"], sha256: $0["sha256"], bytes: $0["bytes"]) }
        }
    }
}

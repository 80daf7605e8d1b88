import ECADCore
import Foundation
internal import GRDB

/// Job logs, kept in the database (not files): `ecad logs ID` reads them through the API without touching the
/// state dir, they are backed up with it, and per-job retention is one DELETE.
public struct JobLogStore: Sendable {
    let database: StoreDatabase

    /// Appends lines in one relaxed-durability transaction; lines longer than ``InputLimits/maxLogLineBytes`` are
    /// cut, NUL characters are stored as ``nulReplacement``, and the job's oldest lines beyond
    /// ``StoreConfiguration/logLinesKept`` are deleted.
    /// - Throws: ``StoreError/jobNotFound(_:)``.
    public func append(job id: JobID, stream: JobLogLine.Stream, lines: [String]) async throws {
        guard !lines.isEmpty else { return }
        let now = database.now
        let kept = max(database.configuration.logLinesKept, 1)
        let cut = lines.map { Self.truncated($0.replacing("\u{0}", with: Self.nulReplacement)) }
        try await database.write(.relaxed) { db in
            _ = try Job.require(db, id: id)
            let statement = try db.makeStatement(
                sql: "INSERT INTO jobLog (jobId, time, stream, line) VALUES (?, ?, ?, ?)")
            for line in cut {
                try statement.execute(arguments: [id.rawValue, now.storeSeconds, stream.rawValue, line])
            }
            try db.execute(
                sql: """
                    DELETE FROM jobLog WHERE jobId = ? AND id <=
                        (SELECT id FROM jobLog WHERE jobId = ? ORDER BY id DESC LIMIT 1 OFFSET ?)
                    """,
                arguments: [id.rawValue, id.rawValue, kept])
        }
    }

    /// The job's lines with an id greater than `lineID`, oldest first.
    /// - Throws: ``StoreError/jobNotFound(_:)``.
    public func lines(job id: JobID, after lineID: Int64 = 0, limit: Int = 10_000) async throws -> [JobLogLine] {
        try await database.read { db in
            _ = try Job.require(db, id: id)
            return try Row.fetchAll(
                db, sql: "SELECT * FROM jobLog WHERE jobId = ? AND id > ? ORDER BY id LIMIT ?",
                arguments: [id.rawValue, lineID, limit]
            ).map { Self.line($0, job: id) }
        }
    }

    /// The job's newest `count` lines, oldest first (the dashboard's log tail).
    /// - Throws: ``StoreError/jobNotFound(_:)``.
    public func tail(job id: JobID, count: Int) async throws -> [JobLogLine] {
        try await database.read { db in
            _ = try Job.require(db, id: id)
            return try Row.fetchAll(
                db, sql: "SELECT * FROM jobLog WHERE jobId = ? ORDER BY id DESC LIMIT ?", arguments: [id.rawValue, count]
            ).reversed().map { Self.line($0, job: id) }
        }
    }

    private static func line(_ row: Row, job id: JobID) -> JobLogLine {
        JobLogLine(
            id: row["id"], jobID: id, time: Date(storeSeconds: row["time"]),
            stream: JobLogLine.Stream(rawValue: row["stream"]) ?? .worker, text: row["line"])
    }

    /// What a NUL in a log line is stored as: U+2400 SYMBOL FOR NULL. SQLite text goes in and out of GRDB as C
    /// strings, so a raw NUL would cut the line there (a prompt with a NUL lost everything after it).
    public static let nulReplacement = "\u{2400}"

    private static func truncated(_ line: String) -> String {
        guard line.utf8.count > InputLimits.maxLogLineBytes else { return line }
        var prefix = Substring(line).utf8.prefix(InputLimits.maxLogLineBytes)
        while String(prefix) == nil { prefix = prefix.dropLast() }
        return (String(prefix) ?? "") + "…"
    }
}

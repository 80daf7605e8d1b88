import Foundation
internal import GRDB

/// The one place that opens SQLite and runs transactions; everything else in the store goes through it.
///
/// Writes run on GRDB's single writer connection inside `BEGIN IMMEDIATE` (taken before the first read, so a
/// read-then-write transaction never fails to upgrade its lock); reads run on the pool's reader connections and
/// never block the writer (WAL). Errors other than ``StoreError`` come out as ``StoreError/database(_:)``, or
/// ``StoreError/diskFull(directory:freeBytes:message:)`` when the disk holding the database is full.
struct StoreDatabase: Sendable {
    let writer: any DatabaseWriter
    let configuration: StoreConfiguration

    /// The database file, nil for an in-memory database.
    var path: String? { (writer as? DatabasePool)?.path }

    /// Opens (creating if needed) a WAL database file and sets the writer to `synchronous = FULL`.
    static func openPool(path: String, configuration: StoreConfiguration) throws(StoreError) -> StoreDatabase {
        do {
            let pool = try DatabasePool(path: path, configuration: grdbConfiguration(configuration))
            // GRDB sets NORMAL when it switches the writer to WAL; our baseline is FULL (docs/store.md).
            if configuration.syncMode != .normalAlways {
                try pool.writeWithoutTransaction { db in try db.execute(sql: "PRAGMA synchronous = FULL") }
            }
            return StoreDatabase(writer: pool, configuration: configuration)
        } catch {
            throw StoreError.wrapping(error, databasePath: path)
        }
    }

    /// Opens a private in-memory database (tests).
    static func openInMemory(configuration: StoreConfiguration) throws(StoreError) -> StoreDatabase {
        do {
            let queue = try DatabaseQueue(configuration: grdbConfiguration(configuration))
            return StoreDatabase(writer: queue, configuration: configuration)
        } catch {
            throw StoreError.wrapping(error)
        }
    }

    private static func grdbConfiguration(_ configuration: StoreConfiguration) -> Configuration {
        var grdb = Configuration()
        grdb.busyMode = .timeout(configuration.busyTimeout)
        grdb.foreignKeysEnabled = true
        grdb.label = "ecad-store"
        if let observer = configuration.statementObserver {
            grdb.prepareDatabase { db in db.trace { observer($0.description) } }
        }
        return grdb
    }

    /// The current time from the configured clock.
    var now: Date { configuration.now() }

    /// Runs `body` in one `BEGIN IMMEDIATE` transaction, committed when it returns and rolled back when it throws.
    ///
    /// Once requested, a write runs to its end even if the calling task is cancelled (a client hanging up, or
    /// shutdown cancelling a service): a state change is either fully written or not started, never interrupted
    /// half-way by GRDB's cancellation.
    func write<T: Sendable>(
        _ durability: Durability = .full, _ body: @escaping @Sendable (Database) throws -> T
    ) async throws -> T {
        let relax =
            durability == .relaxed && configuration.syncMode == .fullWithRelaxedFrequentWrites && writer is DatabasePool
        let path = self.path
        let result: Result<T, StoreError> = await withCheckedContinuation { continuation in
            writer.asyncWriteWithoutTransaction { db in
                continuation.resume(returning: Self.transaction(db, relax: relax, databasePath: path, body))
            }
        }
        return try result.get()
    }

    private static func transaction<T>(
        _ db: Database, relax: Bool, databasePath: String?, _ body: (Database) throws -> T
    ) -> Result<T, StoreError> {
        do {
            if relax { try db.execute(sql: "PRAGMA synchronous = NORMAL") }
            let result: Result<T, any Error> = Result {
                var value: T?
                try db.inTransaction(.immediate) {
                    value = try body(db)
                    return .commit
                }
                guard let value else { throw StoreError.database("transaction produced no result") }
                return value
            }
            // Back to FULL even when the transaction failed; a failure here surfaces as the write's error.
            if relax { try db.execute(sql: "PRAGMA synchronous = FULL") }
            return .success(try result.get())
        } catch {
            return .failure(StoreError.wrapping(error, databasePath: databasePath))
        }
    }

    /// The writer connection's `journal_mode` and `synchronous` (0 OFF, 1 NORMAL, 2 FULL), for checks.
    func writerPragmas() async throws -> (journalMode: String, synchronous: Int) {
        try await writer.writeWithoutTransaction { db in
            let mode = try String.fetchOne(db, sql: "PRAGMA journal_mode") ?? ""
            let synchronous = try Int.fetchOne(db, sql: "PRAGMA synchronous") ?? -1
            return (mode, synchronous)
        }
    }

    /// Runs `body` on a reader connection (a snapshot; it never blocks the writer).
    func read<T: Sendable>(_ body: @escaping @Sendable (Database) throws -> T) async throws -> T {
        do {
            return try await writer.read(body)
        } catch {
            throw StoreError.wrapping(error, databasePath: path)
        }
    }
}

extension StoreError {
    /// `error` itself when it is a store error, ``diskFull(directory:freeBytes:message:)`` when it says the disk
    /// holding `databasePath` is full, otherwise its description wrapped as ``database(_:)``.
    static func wrapping(_ error: any Error, databasePath: String? = nil) -> StoreError {
        (error as? StoreError) ?? DiskSpace.fullDiskError(error, databasePath: databasePath)
            ?? .database(String(describing: error))
    }
}

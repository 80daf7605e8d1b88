import Foundation

/// The daemon's state: one SQLite database (WAL) in the state dir, with one facade per concern.
///
/// Open it once in `ecadd`'s entry point and pass it down; every facade is a cheap `Sendable` value sharing the
/// same connections. All methods are `async` and never hold a transaction across an `await`.
public final class Store: Sendable {
    /// The job queue: submit, claim, transitions, listing, events, progress.
    public let jobs: JobQueue
    /// Evaluated candidates by key, shared across jobs.
    public let evaluations: EvaluationCache
    /// Per-job search checkpoints.
    public let checkpoints: CheckpointStore
    /// Per-job log lines.
    public let logs: JobLogStore
    /// Files a job produced, by relative path.
    public let artifacts: ArtifactIndex
    /// Published schedule versions and their aliases.
    public let registry: Registry
    /// Slurm arrays searches submitted (adopted after a restart).
    public let slurmArrays: SlurmArrayStore

    let database: StoreDatabase

    /// The file name used inside a state dir.
    public static let fileName = "ecad.sqlite"

    /// Opens or creates the database at `path` (WAL mode, `synchronous = FULL`) and migrates it to the newest
    /// schema.
    /// - Throws: ``StoreError/database(_:)`` when SQLite cannot open or migrate the file.
    public convenience init(path: String, configuration: StoreConfiguration = StoreConfiguration()) throws {
        try self.init(database: StoreDatabase.openPool(path: path, configuration: configuration), upTo: nil)
    }

    /// Opens `Store.fileName` inside `directory` (the daemon's state dir), creating the directory if needed.
    public convenience init(stateDirectory directory: URL, configuration: StoreConfiguration = StoreConfiguration())
        throws
    {
        do {
            try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        } catch {
            throw StoreError.database("cannot create state dir \(directory.path): \(error)")
        }
        try self.init(path: directory.appendingPathComponent(Store.fileName).path, configuration: configuration)
    }

    /// A private in-memory store, for tests.
    public static func inMemory(configuration: StoreConfiguration = StoreConfiguration()) throws -> Store {
        try Store(database: StoreDatabase.openInMemory(configuration: configuration), upTo: nil)
    }

    /// Opens `path` migrated only up to the migration named `last` (migration tests).
    package static func open(path: String, upTo last: String, configuration: StoreConfiguration) throws -> Store {
        try Store(database: StoreDatabase.openPool(path: path, configuration: configuration), upTo: last)
    }

    private init(database: StoreDatabase, upTo last: String?) throws {
        do {
            try StoreMigrations.migrator(upTo: last).migrate(database.writer)
        } catch {
            throw StoreError.wrapping(error, databasePath: database.path)
        }
        self.database = database
        self.jobs = JobQueue(database: database)
        self.evaluations = EvaluationCache(database: database)
        self.checkpoints = CheckpointStore(database: database)
        self.logs = JobLogStore(database: database)
        self.artifacts = ArtifactIndex(database: database)
        self.registry = Registry(database: database)
        self.slurmArrays = SlurmArrayStore(database: database)
    }

    /// The names of every migration this build knows, oldest first.
    public static var migrationNames: [String] { StoreMigrations.names }

    /// The writer connection's journal mode and `synchronous` level (2 = FULL), for checks and `ecadd --check`.
    package func writerPragmas() async throws -> (journalMode: String, synchronous: Int) {
        do {
            return try await database.writerPragmas()
        } catch {
            throw StoreError.wrapping(error, databasePath: database.path)
        }
    }

    /// The names of the migrations applied to this database, oldest first.
    public func appliedMigrations() async throws -> [String] {
        try await database.read { db in try StoreMigrations.migrator().appliedMigrations(db) }
    }
}

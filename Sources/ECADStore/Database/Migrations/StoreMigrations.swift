internal import GRDB

/// The schema's history: named, append-only migrations of literal SQL.
///
/// A shipped migration is never edited; a change is a new migration appended to ``all``. GRDB records applied
/// names in `grdb_migrations`, so an old state dir is brought up to date at startup, in order.
enum StoreMigrations {
    /// One named schema step.
    struct Step: Sendable {
        let name: String
        let sql: String
    }

    /// Every migration, oldest first.
    static let all: [Step] = [v1Jobs, v2CheckpointsEvaluations, v3RegistryArtifacts, v4JobLogs, v5RegistryNames, v6RegistryOwners, v8SlurmArrays]

    /// The names of ``all``, in order.
    static var names: [String] { all.map(\.name) }

    /// A migrator for every step up to and including `last` (all steps when nil).
    static func migrator(upTo last: String? = nil) throws(StoreError) -> DatabaseMigrator {
        if let last, !names.contains(last) {
            throw StoreError.invalidInput(field: "migration", message: "unknown migration \"\(last)\"")
        }
        var migrator = DatabaseMigrator()
        for step in all {
            migrator.registerMigration(step.name) { db in try db.execute(sql: step.sql) }
            if step.name == last { break }
        }
        return migrator
    }
}

extension StoreMigrations {
    /// The schedule registry (immutable versions by digest, aliases with a logged history) and job artifacts.
    static let v3RegistryArtifacts = Step(
        name: "v3-registry-artifacts",
        sql: """
            CREATE TABLE registryVersion (
                digest TEXT PRIMARY KEY,
                schedule TEXT NOT NULL,
                modelId TEXT NOT NULL,
                weightsDigest TEXT NOT NULL,
                sampler TEXT NOT NULL,
                steps INTEGER NOT NULL,
                resolution INTEGER NOT NULL,
                calibrationPromptSetDigest TEXT NOT NULL,
                metrics TEXT NOT NULL,
                provenance TEXT NOT NULL,
                jobId INTEGER REFERENCES job(id) ON DELETE SET NULL,
                createdAt REAL NOT NULL
            );
            CREATE INDEX registryVersion_model ON registryVersion(modelId);

            CREATE TABLE registryAlias (
                name TEXT PRIMARY KEY,
                digest TEXT NOT NULL REFERENCES registryVersion(digest),
                updatedAt REAL NOT NULL,
                updatedBy INTEGER
            );

            CREATE TABLE registryAliasMove (
                id INTEGER PRIMARY KEY AUTOINCREMENT,
                name TEXT NOT NULL,
                fromDigest TEXT,
                toDigest TEXT NOT NULL,
                time REAL NOT NULL,
                actorUid INTEGER
            );
            CREATE INDEX registryAliasMove_name ON registryAliasMove(name, id);

            CREATE TABLE artifact (
                id INTEGER PRIMARY KEY AUTOINCREMENT,
                jobId INTEGER NOT NULL REFERENCES job(id) ON DELETE CASCADE,
                kind TEXT NOT NULL,
                path TEXT NOT NULL,
                sha256 TEXT NOT NULL,
                bytes INTEGER NOT NULL,
                createdAt REAL NOT NULL,
                UNIQUE (jobId, path)
            );
            """)
}

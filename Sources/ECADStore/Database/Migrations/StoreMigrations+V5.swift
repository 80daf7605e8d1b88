extension StoreMigrations {
    /// Registry names: which published versions belong to a name such as `shapes32/quick` (a front, usually).
    static let v5RegistryNames = Step(
        name: "v5-registry-names",
        sql: """
            CREATE TABLE registryName (
                name TEXT NOT NULL,
                digest TEXT NOT NULL REFERENCES registryVersion(digest),
                addedAt REAL NOT NULL,
                PRIMARY KEY (name, digest)
            );
            CREATE INDEX registryName_digest ON registryName(digest);
            """)
}

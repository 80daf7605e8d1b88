extension StoreMigrations {
    /// Registry ownership and import provenance (docs/registry.md, "Ownership").
    ///
    /// - `registryOwner`: who owns each name (its first publisher), NULL when unknown (then only admins change it).
    ///   Names that exist from before: the owner of the job that published the earliest job-made version under the
    ///   name; unknown when no version under it came from a job of this daemon (imports, for instance).
    /// - `registryName.addedByUid`: who put a version under a name. Older rows get the name's owner only where
    ///   the version's own job belongs to that owner; the rest stay NULL and name queries no longer pick them.
    /// - `registryVersion.imported*`: an imported version's record (when, by whom, the sha256 of the bundle's
    ///   manifest). Older versions without a job are marked imported by an unknown user.
    static let v6RegistryOwners = Step(
        name: "v6-registry-owners",
        sql: """
            CREATE TABLE registryOwner (
                name TEXT PRIMARY KEY,
                ownerUid INTEGER,
                ownerName TEXT,
                since REAL NOT NULL
            );
            INSERT INTO registryOwner (name, ownerUid, ownerName, since)
            SELECT n.name,
                (SELECT j.ownerUid FROM registryName m JOIN registryVersion v ON v.digest = m.digest
                    JOIN job j ON j.id = v.jobId WHERE m.name = n.name ORDER BY m.addedAt, v.digest LIMIT 1),
                (SELECT j.ownerName FROM registryName m JOIN registryVersion v ON v.digest = m.digest
                    JOIN job j ON j.id = v.jobId WHERE m.name = n.name ORDER BY m.addedAt, v.digest LIMIT 1),
                MIN(n.addedAt)
            FROM registryName n GROUP BY n.name;
            INSERT OR IGNORE INTO registryOwner (name, ownerUid, ownerName, since)
            SELECT substr(name, 1, instr(name, '@') - 1), NULL, NULL, MIN(updatedAt)
            FROM registryAlias WHERE instr(name, '@') > 1 GROUP BY substr(name, 1, instr(name, '@') - 1);

            ALTER TABLE registryName ADD COLUMN addedByUid INTEGER;
            UPDATE registryName SET addedByUid = (
                SELECT o.ownerUid FROM registryOwner o JOIN registryVersion v ON v.digest = registryName.digest
                    JOIN job j ON j.id = v.jobId
                WHERE o.name = registryName.name AND j.ownerUid = o.ownerUid);

            ALTER TABLE registryVersion ADD COLUMN importedAt REAL;
            ALTER TABLE registryVersion ADD COLUMN importedByUid INTEGER;
            ALTER TABLE registryVersion ADD COLUMN importedByName TEXT;
            ALTER TABLE registryVersion ADD COLUMN importBundleSha256 TEXT;
            UPDATE registryVersion SET importedAt = createdAt WHERE jobId IS NULL;
            """)
}

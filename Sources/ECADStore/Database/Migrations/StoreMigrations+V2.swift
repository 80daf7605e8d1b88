extension StoreMigrations {
    /// Search checkpoints and the evaluation cache shared across jobs.
    static let v2CheckpointsEvaluations = Step(
        name: "v2-checkpoints-evaluations",
        sql: """
            CREATE TABLE checkpoint (
                id INTEGER PRIMARY KEY AUTOINCREMENT,
                jobId INTEGER NOT NULL REFERENCES job(id) ON DELETE CASCADE,
                generation INTEGER NOT NULL,
                state BLOB NOT NULL,
                createdAt REAL NOT NULL,
                UNIQUE (jobId, generation)
            );

            CREATE TABLE evaluation (
                id INTEGER PRIMARY KEY AUTOINCREMENT,
                modelDigest TEXT NOT NULL,
                scheduleDigest TEXT NOT NULL,
                promptSetDigest TEXT NOT NULL,
                seeds TEXT NOT NULL,
                sampler TEXT NOT NULL,
                metricVersions TEXT NOT NULL,
                metrics TEXT NOT NULL,
                perPromptRewards TEXT NOT NULL,
                macs INTEGER NOT NULL,
                latencySeconds REAL,
                jobId INTEGER REFERENCES job(id) ON DELETE SET NULL,
                createdAt REAL NOT NULL,
                UNIQUE (modelDigest, scheduleDigest, promptSetDigest, seeds, sampler, metricVersions)
            );
            """)
}

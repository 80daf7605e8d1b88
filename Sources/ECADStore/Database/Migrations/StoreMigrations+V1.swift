extension StoreMigrations {
    /// Jobs, their events, and per-user usage for fair share.
    static let v1Jobs = Step(
        name: "v1-jobs",
        sql: """
            CREATE TABLE job (
                id INTEGER PRIMARY KEY AUTOINCREMENT,
                kind TEXT NOT NULL CHECK (kind IN ('search', 'generate', 'evaluate')),
                name TEXT,
                ownerUid INTEGER NOT NULL,
                ownerName TEXT NOT NULL,
                priority INTEGER NOT NULL DEFAULT 0,
                state TEXT NOT NULL CHECK (state IN
                    ('PENDING', 'HELD', 'RUNNING', 'COMPLETED', 'FAILED', 'CANCELLED', 'TIMEOUT')),
                reason TEXT,
                cancelledBy INTEGER,
                submittedAt REAL NOT NULL,
                startedAt REAL,
                endedAt REAL,
                heartbeatAt REAL,
                chargedAt REAL,
                restarts INTEGER NOT NULL DEFAULT 0,
                consecutiveCrashes INTEGER NOT NULL DEFAULT 0,
                spec TEXT NOT NULL,
                progress TEXT
            );
            CREATE INDEX job_state ON job(state, id);
            CREATE INDEX job_owner ON job(ownerUid, id);

            CREATE TABLE jobEvent (
                id INTEGER PRIMARY KEY AUTOINCREMENT,
                jobId INTEGER NOT NULL REFERENCES job(id) ON DELETE CASCADE,
                time REAL NOT NULL,
                fromState TEXT,
                toState TEXT NOT NULL,
                reason TEXT,
                actorUid INTEGER
            );
            CREATE INDEX jobEvent_job ON jobEvent(jobId, id);

            CREATE TABLE userUsage (
                uid INTEGER PRIMARY KEY,
                usage REAL NOT NULL,
                updatedAt REAL NOT NULL
            );
            """)
}

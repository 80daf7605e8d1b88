extension StoreMigrations {
    /// Job log lines (worker stderr and daemon notes), read by `ecad logs`.
    static let v4JobLogs = Step(
        name: "v4-job-logs",
        sql: """
            CREATE TABLE jobLog (
                id INTEGER PRIMARY KEY AUTOINCREMENT,
                jobId INTEGER NOT NULL REFERENCES job(id) ON DELETE CASCADE,
                time REAL NOT NULL,
                stream TEXT NOT NULL,
                line TEXT NOT NULL
            );
            CREATE INDEX jobLog_job ON jobLog(jobId, id);
            """)
}

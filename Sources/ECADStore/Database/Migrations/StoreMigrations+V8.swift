extension StoreMigrations {
    /// Slurm arrays a search submitted (docs/operations.md, "Running ecadd against a Slurm cluster").
    ///
    /// One row per `sbatch --array` submission, inserted before the daemon relies on the array id: a restarted
    /// daemon reads the rows of a batch to adopt arrays still in flight instead of submitting them again.
    /// - `batchKey`: names the batch of candidates (a digest of the model, prompts, seeds and schedules), so a
    ///   search resumed from its checkpoint finds the arrays of the batch it had out.
    /// - `attempt`: 1 for the first submission of a batch, one more for each resubmission of missing chunks.
    /// - `folder`: the request folder on the shared file system (`request-<chunk>.json`, `result-<chunk>.json`).
    /// - `chunks`: the chunk numbers of the batch this array evaluates, as a JSON array.
    /// - `state`: `running` until the array left Slurm's queue, then `finished`; `cancelled` after scancel.
    static let v8SlurmArrays = Step(
        name: "v8-slurm-arrays",
        sql: """
            CREATE TABLE slurmArray (
                id INTEGER PRIMARY KEY,
                jobId INTEGER NOT NULL REFERENCES job(id) ON DELETE CASCADE,
                batchKey TEXT NOT NULL,
                attempt INTEGER NOT NULL,
                arrayId TEXT NOT NULL,
                folder TEXT NOT NULL,
                chunks TEXT NOT NULL,
                state TEXT NOT NULL,
                submittedAt REAL NOT NULL,
                finishedAt REAL,
                UNIQUE (jobId, batchKey, attempt)
            );
            CREATE INDEX slurmArrayJobState ON slurmArray (jobId, state);
            """)
}

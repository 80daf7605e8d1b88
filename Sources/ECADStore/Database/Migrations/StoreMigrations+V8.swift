extension StoreMigrations {
    /// Slurm arrays a search submitted (docs/operations.md, "Running ecadd against a Slurm cluster").
    ///
    /// One row per `sbatch --array` submission, inserted before the daemon relies on the array id: a restarted
    /// daemon reads the rows of a batch to adopt arrays still in flight instead of submitting them again.
    /// - `chunks`: the keys of the chunks the array evaluates, space-separated (a chunk key digests the model,
    ///   prompts, seeds and the chunk's schedules), so a search resumed from its checkpoint finds the arrays of the
    ///   chunks it had out; the chunk at position i has `request-<i>.json` and `result-<i>.json` in `folder`.
    /// - `batchKey`: the digest of the chunks one evaluation call was given; resubmissions of its missing chunks
    ///   share it. `attempt`: 1 for its first submission, one more for each resubmission.
    /// - `folder`: the request folder on the shared file system.
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

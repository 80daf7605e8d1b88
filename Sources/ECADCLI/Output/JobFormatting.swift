import ECADAPI
import Foundation

/// How jobs are printed in tables and `show`.
enum JobFormatting {
    /// `PENDING (Priority)` or `RUNNING`.
    static func state(_ job: JobView) -> String {
        job.reason.map { "\(job.state.rawValue) (\($0))" } ?? job.state.rawValue
    }

    /// A short progress summary: `gen 3/20`, `images 4/8`, or `-`.
    static func progress(_ job: JobView) -> String {
        guard let progress = job.progress else { return "-" }
        if let generation = progress.generation {
            return "gen \(generation)" + (progress.generations.map { "/\($0)" } ?? "")
        }
        if let done = progress.imagesDone { return "images \(done)" + (progress.imagesTotal.map { "/\($0)" } ?? "") }
        return progress.message ?? "-"
    }

    /// Elapsed run time like `0:42` or `1:02:03`.
    static func elapsed(_ job: JobView, now: Date = Date()) -> String {
        guard let started = job.startedAt else { return "0:00" }
        let seconds = Int((job.endedAt ?? now).timeIntervalSince(started))
        let (hours, minutes, secs) = (seconds / 3600, seconds / 60 % 60, seconds % 60)
        let tail = String(format: "%02d", secs)
        return hours > 0 ? "\(hours):" + String(format: "%02d", minutes) + ":" + tail : "\(minutes):" + tail
    }

    /// A job as a table row: JOBID KIND NAME USER STATE PRIO RESTARTS WORKERS TIME PROGRESS.
    static func row(_ job: JobView) -> [String] {
        [
            String(job.id), job.kind.rawValue, job.name ?? "-", job.ownerName, state(job), String(job.priority),
            String(job.restarts), String(job.workers), elapsed(job), progress(job),
        ]
    }

    /// Table headings matching ``row(_:)``.
    static let headers = ["JOBID", "KIND", "NAME", "USER", "STATE", "PRIO", "RESTARTS", "WORKERS", "TIME", "PROGRESS"]
}

import ECADAPI
import Foundation

/// The figures a queue row and a job header show for a job: progress, workers, runtime and ETA, as text.
struct JobFigures {
    let job: JobView
    /// The time the figures are computed at.
    let now: Date

    /// `generation 3/5`, `images 4/10`, or `–`.
    var progress: String {
        guard let progress = job.progress else { return "–" }
        if let generation = progress.generation {
            return "generation \(generation)" + (progress.generations.map { "/\($0)" } ?? "")
        }
        if let done = progress.imagesDone {
            return "images \(done)" + (progress.imagesTotal.map { "/\($0)" } ?? "")
        }
        return "–"
    }

    /// Worker processes serving the job now (lent slots included; 0 unless RUNNING).
    var workers: Int { job.workers }

    /// Seconds since it last started, until it ended (or now); nil before it started.
    var runtime: Double? {
        job.startedAt.map { (job.endedAt ?? now).timeIntervalSince($0) }
    }

    /// Seconds left: the runner's estimate, else extrapolated from images done so far; nil when not computable
    /// or the job is not running.
    var eta: Double? {
        guard job.state == .running, let progress = job.progress else { return nil }
        if let eta = progress.etaSeconds { return eta }
        guard let done = progress.imagesDone, let total = progress.imagesTotal, done > 0, let runtime else { return nil }
        return runtime / Double(done) * Double(max(total - done, 0))
    }
}

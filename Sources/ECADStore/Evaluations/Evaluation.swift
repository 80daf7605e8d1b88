import ECADCore
import Foundation

/// One evaluated candidate: its metrics under an ``EvaluationKey``.
public struct Evaluation: Sendable, Hashable {
    /// What was evaluated, and how.
    public var key: EvaluationKey
    /// The metrics as JSON text (e.g. `{"reward":0.81,"clip":0.31}`).
    public var metricsJSON: String
    /// The reward of each prompt, in prompt-set order.
    public var perPromptRewards: [Double]
    /// Multiply-accumulates of the components the schedule computes.
    public var macs: Int64
    /// Measured wall latency per image in seconds, where measured.
    public var latencySeconds: Double?
    /// The job that produced it (evaluations outlive their job and are reused by others).
    public var jobID: JobID?
    /// When it was stored (set by the store on insert).
    public var createdAt: Date

    /// Describes an evaluation.
    public init(
        key: EvaluationKey, metricsJSON: String, perPromptRewards: [Double], macs: Int64, latencySeconds: Double?,
        jobID: JobID?, createdAt: Date = Date(timeIntervalSince1970: 0)
    ) {
        self.key = key
        self.metricsJSON = metricsJSON
        self.perPromptRewards = perPromptRewards
        self.macs = macs
        self.latencySeconds = latencySeconds
        self.jobID = jobID
        self.createdAt = createdAt
    }

    /// Marks, in ``metricsJSON``, a candidate that could not be evaluated (every attempt of its Slurm task
    /// failed): its rewards are placeholders, a later job evaluates it again, and a real result replaces it.
    public static let failedMarker = "\"failed\":true"

    /// Whether this is a failed candidate's placeholder (``failedMarker``).
    public var isFailed: Bool { metricsJSON.contains(Self.failedMarker) }
}

import Foundation

/// The body of `GET /v1/health`.
public struct HealthView: Codable, Sendable, Hashable {
    /// `ok`, or `stopping` during a graceful shutdown.
    public var status: String
    /// The daemon's version.
    public var version: String
    /// The API version, `v1`.
    public var apiVersion: String
    /// When the daemon started.
    public var startedAt: Date
    /// Worker slots.
    public var slots: Int
    /// Jobs per state name (only states with jobs).
    public var jobs: [String: Int]

    /// Describes the daemon's health.
    public init(status: String, version: String, apiVersion: String = "v1", startedAt: Date, slots: Int, jobs: [String: Int]) {
        self.status = status
        self.version = version
        self.apiVersion = apiVersion
        self.startedAt = startedAt
        self.slots = slots
        self.jobs = jobs
    }
}

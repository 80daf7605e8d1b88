/// The body of `POST /v1/jobs/{id}/actions`: cancel, hold, release or requeue. Unknown fields are refused.
public struct ActionRequest: Codable, Sendable, Hashable {
    /// What to do to the job.
    public enum Action: String, Codable, Sendable, Hashable, CaseIterable {
        /// Stop it for good (CANCELLED).
        case cancel
        /// Keep it out of scheduling (HELD).
        case hold
        /// End a hold (back to PENDING).
        case release
        /// Stop its run and queue it again (PENDING, restarts+1).
        case requeue
    }

    /// The action.
    public var action: Action
    /// An optional note, recorded in the job's log.
    public var reason: String?

    private enum CodingKeys: String, CodingKey, CaseIterable {
        case action, reason
    }

    /// Describes an action.
    public init(action: Action, reason: String? = nil) {
        self.action = action
        self.reason = reason
    }

    /// Decodes strictly: unknown fields throw ``APIError/unknownField(_:)``.
    public init(from decoder: any Decoder) throws {
        try StrictDecoding.rejectUnknownKeys(decoder, known: CodingKeys.self)
        let container = try decoder.container(keyedBy: CodingKeys.self)
        self.action = try container.decode(Action.self, forKey: .action)
        self.reason = try container.decodeIfPresent(String.self, forKey: .reason)
    }
}

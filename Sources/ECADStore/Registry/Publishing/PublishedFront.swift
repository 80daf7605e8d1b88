/// What ``Registry/publish(front:by:)`` did.
public struct PublishedFront: Sendable, Hashable, Codable {
    /// The registry name the front is under.
    public var name: String
    /// Every member's digest, in the publication's order.
    public var digests: [String]
    /// How many of them were not stored before.
    public var newVersions: Int
    /// `fastest`, `balanced`, `quality` → digest.
    public var aliases: [String: String]
}

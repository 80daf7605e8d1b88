import Foundation

/// One logged move of a registry alias.
public struct AliasMove: Sendable, Hashable {
    /// The alias, e.g. `pixart-alpha-256/fast`.
    public var name: String
    /// The version it pointed at before (nil when created).
    public var fromDigest: String?
    /// The version it points at after.
    public var toDigest: String
    /// When it moved.
    public var time: Date
    /// Who moved it (nil for the daemon publishing a front).
    public var actorUID: UInt32?

    /// Describes a move.
    public init(name: String, fromDigest: String?, toDigest: String, time: Date, actorUID: UInt32?) {
        self.name = name
        self.fromDigest = fromDigest
        self.toDigest = toDigest
        self.time = time
        self.actorUID = actorUID
    }
}

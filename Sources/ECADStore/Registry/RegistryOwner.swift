import Foundation

/// The owner of a registry name: the user whose job (or import, or alias) first put a version under it.
public struct RegistryOwner: Sendable, Hashable {
    /// The name, e.g. `shapes32/quick`.
    public var name: String
    /// The owner's uid; nil when unknown (a name from before ownership was recorded): only admins change it.
    public var uid: UInt32?
    /// The owner's user name, when known.
    public var userName: String?
    /// When the name was first used.
    public var since: Date

    /// Describes an owner.
    public init(name: String, uid: UInt32?, userName: String?, since: Date) {
        self.name = name
        self.uid = uid
        self.userName = userName
        self.since = since
    }

    /// Whether `actor` may change the name (publish into it, import into it, move its aliases): its owner or an
    /// admin; a name whose owner is unknown, admins only.
    public func allows(_ actor: RegistryActor) -> Bool {
        actor.isAdmin || uid == actor.uid
    }

    /// The owner for messages, e.g. `root (uid 0)` or `admins only (owner unknown)`.
    public var summary: String {
        guard let uid else { return "admins only (owner unknown)" }
        return "\(userName ?? "uid\(uid)") (uid \(uid))"
    }
}

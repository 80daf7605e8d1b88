/// Who changes the registry: a name's owner or an admin may publish into it, import into it and move its aliases
/// (docs/registry.md, "Ownership"). The daemon fills it from the peer's credentials, or from a job's owner when
/// a search publishes its front.
public struct RegistryActor: Sendable, Hashable {
    /// The uid.
    public var uid: UInt32
    /// The user name, recorded as a new name's owner and on imports.
    public var userName: String
    /// Whether the uid is root or in the admin group (may change every name).
    public var isAdmin: Bool

    /// Describes an actor.
    public init(uid: UInt32, userName: String, isAdmin: Bool) {
        self.uid = uid
        self.userName = userName
        self.isAdmin = isAdmin
    }
}

import ECADStore

extension RegistryActor {
    /// The actor for `uid`: its user name (looked up unless given) and whether `policy` makes it an admin.
    init(uid: UInt32, policy: AccessPolicy, userName: String? = nil) {
        self.init(uid: uid, userName: userName ?? AccessPolicy.userName(uid: uid), isAdmin: policy.isAdmin(uid: uid))
    }
}

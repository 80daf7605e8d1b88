/// Who is looking at a page: the peer uid and whether it is an administrator, resolved once per request (the
/// queue asks for every row), with the API's rule for acting on a job (``AccessPolicy/mayAct(uid:onJobOwnedBy:)``).
struct UIViewer: Sendable {
    /// The peer's uid.
    let uid: UInt32
    /// Root or a member of the admin group.
    let isAdmin: Bool

    /// The viewer of a request on `daemon`.
    init(uid: UInt32, policy: AccessPolicy) {
        self.uid = uid
        self.isAdmin = policy.isAdmin(uid: uid)
    }

    /// Whether the viewer may act on (cancel, hold, release, read the logs and artifacts of) a job of `owner`.
    func mayAct(onJobOwnedBy owner: UInt32) -> Bool { uid == owner || isAdmin }
}

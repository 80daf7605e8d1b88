#if canImport(Glibc)
import Glibc
#endif

/// Who may do what: owners act on their own jobs; root and members of the admin group on all.
///
/// Group membership is resolved at request time (`getgrouplist`), since the peer's gid from SO_PEERCRED misses
/// supplementary groups. Only the reentrant `_r` lookups are used: the daemon is multi-threaded.
package struct AccessPolicy: Sendable {
    /// Name of the administrators' group.
    package var adminGroup: String

    /// Creates a policy with the admin group `ecadd-admin`.
    package init(adminGroup: String = "ecadd-admin") { self.adminGroup = adminGroup }

    /// Whether `uid` is root or a member (primary or supplementary) of the admin group.
    package func isAdmin(uid: UInt32) -> Bool {
        if uid == 0 { return true }
        guard let adminGID = Self.groupID(named: adminGroup), let user = Self.passwdEntry(uid: uid) else { return false }
        var count: Int32 = 64
        var groups = [gid_t](repeating: 0, count: Int(count))
        if getgrouplist(user.name, user.gid, &groups, &count) < 0 {
            groups = [gid_t](repeating: 0, count: Int(max(count, 1)))
            guard getgrouplist(user.name, user.gid, &groups, &count) >= 0 else { return false }
        }
        return groups.prefix(Int(max(count, 0))).contains(adminGID)
    }

    /// Whether `uid` may act on (or read the logs of) a job owned by `owner`.
    package func mayAct(uid: UInt32, onJobOwnedBy owner: UInt32) -> Bool {
        uid == owner || isAdmin(uid: uid)
    }

    /// The user name of `uid`, or `uid<N>` when it has no passwd entry.
    package static func userName(uid: UInt32) -> String {
        passwdEntry(uid: uid)?.name ?? "uid\(uid)"
    }

    /// The uid of a user name or decimal uid (for `?user=`), or nil when unknown.
    package static func uid(forUser user: String) -> UInt32? {
        if let number = UInt32(user) { return number }
        return withLookupBuffer { buffer in
            var entry = Glibc.passwd()
            var result: UnsafeMutablePointer<Glibc.passwd>?
            guard let base = buffer.baseAddress else { return nil }
            let status = getpwnam_r(user, &entry, base, buffer.count, &result)
            return status == 0 && result != nil ? entry.pw_uid : nil
        }
    }

    private static func passwdEntry(uid: UInt32) -> (name: String, gid: gid_t)? {
        withLookupBuffer { buffer in
            var entry = Glibc.passwd()
            var result: UnsafeMutablePointer<Glibc.passwd>?
            guard let base = buffer.baseAddress,
                getpwuid_r(uid, &entry, base, buffer.count, &result) == 0, result != nil,
                let name = entry.pw_name
            else { return nil }
            return (String(cString: name), entry.pw_gid)
        }
    }

    private static func groupID(named name: String) -> gid_t? {
        withLookupBuffer { buffer in
            var entry = group()
            var result: UnsafeMutablePointer<group>?
            guard let base = buffer.baseAddress else { return nil }
            let status = getgrnam_r(name, &entry, base, buffer.count, &result)
            return status == 0 && result != nil ? entry.gr_gid : nil
        }
    }

    private static func withLookupBuffer<T>(_ body: (UnsafeMutableBufferPointer<CChar>) -> T) -> T {
        var storage = [CChar](repeating: 0, count: 16 * 1024)
        return storage.withUnsafeMutableBufferPointer { body($0) }
    }
}

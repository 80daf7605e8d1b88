import ECADCore
import ECADStore

/// Refuses at submit a search whose `publish.name` belongs to another user, so the search does not run all night
/// to end FAILED (`RegistryForbidden`) when its front is published. The publisher checks again at publish time:
/// a name may be taken between the submit and the end of the search.
struct PublishNameCheck {
    let registry: Registry
    let policy: AccessPolicy

    /// - Throws: ``APIFailure`` 403 naming `spec.publish.name` and its owner when `uid` may not publish into it.
    func check(_ spec: JSONValue, kind: JobKind, uid: UInt32) async throws {
        guard kind == .search, let publish = spec["publish"], publish["enabled"] != .bool(false),
            case .string(let name)? = publish["name"], let owner = try await registry.owner(of: name),
            owner.uid != uid, !owner.allows(RegistryActor(uid: uid, policy: policy))
        else { return }
        throw APIFailure.forbidden(
            "registry name \(name) belongs to \(owner.summary): publish the front under a name of your own",
            field: "spec.publish.name")
    }
}

import ECADCore
import ECADStore
import Hummingbird

/// The job filter of a listing's query (`user`, `state`, `kind`, `all`, `limit`), shared by `GET /v1/jobs` and
/// the dashboard's queue page.
enum JobListQuery {
    /// The filter `request`'s query asks for.
    /// - Throws: 400 naming the parameter for an unknown user, state or kind, or a malformed flag or limit.
    static func filter(_ request: Request) throws -> JobFilter {
        var filter = JobFilter(includeFinished: try RequestReading.flag(request, "all"))
        if let user = RequestReading.query(request, "user") {
            guard let uid = AccessPolicy.uid(forUser: user) else {
                throw APIFailure.badRequest("unknown user \"\(user.prefix(64))\"", field: "user")
            }
            filter.ownerUID = uid
        }
        if let states = RequestReading.query(request, "state") {
            filter.states = Set(try states.split(separator: ",", omittingEmptySubsequences: false).map { name in
                guard let state = JobState(rawValue: name.uppercased()) else {
                    throw APIFailure.badRequest("unknown state \"\(name.prefix(32))\"", field: "state")
                }
                return state
            })
        }
        if let kinds = RequestReading.query(request, "kind") {
            filter.kinds = Set(try kinds.split(separator: ",", omittingEmptySubsequences: false).map { name in
                guard let kind = JobKind(rawValue: name.lowercased()) else {
                    throw APIFailure.badRequest("unknown kind \"\(name.prefix(32))\"", field: "kind")
                }
                return kind
            })
        }
        if let limit = try RequestReading.integer(request, "limit") { filter.limit = Int(min(limit, 1_000_000)) }
        return filter
    }
}

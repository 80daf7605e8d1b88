import ECADAPI

/// The body of `POST /v1/registry/export` and `POST /v1/registry/import`.
struct RegistryBundleRequest: Codable, Sendable {
    /// The bundle directory on the daemon's machine (absolute).
    var directory: String
    /// Export only this model's versions (export only).
    var model: String?
}

/// The body of `POST /v1/registry/alias`: point `NAME@ALIAS` at `digest`.
struct RegistryAliasRequest: Codable, Sendable {
    /// The registry name, e.g. `shapes32/quick`.
    var name: String
    /// The alias label, e.g. `fastest`.
    var alias: String
    /// The version's digest or a unique prefix (≥ 8 hex digits).
    var digest: String
}

/// `GET /v1/registry`: the versions.
struct RegistryListBody: Codable, Sendable {
    /// Versions, oldest first.
    var versions: [ECADAPI.RegistryEntryView]
}

import ECADAPI

/// The body of `POST /v1/registry/export` and `POST /v1/registry/import`. The daemon never opens a bundle
/// directory: the CLI writes the exported files and sends the files to import, as the user (docs/registry.md).
struct RegistryBundleRequest: Codable, Sendable {
    /// Export only this model's versions (export only).
    var model: String?
    /// The bundle's files, `manifest.json` included (import only).
    var files: [RegistryBundleBody.File]?
    /// A bundle directory, as clients before this version sent: refused with 400.
    var directory: String?

    /// The largest import body (32 MiB: about 24 MiB of files, as base64).
    static let maxImportBytes = 32 << 20

    /// Refuses a directory path (an older CLI asking the daemon to open it).
    /// - Throws: ``APIFailure`` 400 naming `directory`.
    func refuseDirectory() throws {
        guard directory == nil else {
            throw APIFailure.badRequest(
                "the daemon no longer reads or writes bundle directories: send the files (ecad registry export and "
                    + "import do, as you)", field: "directory")
        }
    }
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

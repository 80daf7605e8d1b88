import ECADAPI

/// The body of `POST /v1/registry/export` and `POST /v1/registry/import`. The daemon never opens a bundle
/// directory: the CLI writes the exported files and sends the files to import, as the user (docs/registry.md).
struct RegistryBundleRequest: Decodable, Sendable {
    /// Export only this model's versions (export only).
    var model: String?
    /// The bundle's files, `manifest.json` included (import only).
    var files: [RegistryBundleBody.File]?
    /// Whether the body has a `directory` field (of any value, null too), as clients before this version sent:
    /// refused with 400.
    var namesDirectory = false

    private enum CodingKeys: String, CodingKey { case model, files, directory }

    init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        model = try container.decodeIfPresent(String.self, forKey: .model)
        files = try container.decodeIfPresent([RegistryBundleBody.File].self, forKey: .files)
        namesDirectory = container.contains(.directory)
    }

    /// The largest import body (32 MiB: about 24 MiB of files, as base64).
    static let maxImportBytes = 32 << 20

    /// Refuses a directory path (an older CLI asking the daemon to open it).
    /// - Throws: ``APIFailure`` 400 naming `directory`.
    func refuseDirectory() throws {
        guard !namesDirectory else {
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

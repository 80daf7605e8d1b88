import ECADCore
import Foundation

/// `index.json` of a registry mirror (docs/registry.md, "Mirrors"): every version with its model, sampler, steps,
/// resolution, names and aliases, for people and clients browsing a mirror. It is derived from the bundle's other
/// files, listed in the manifest like them, and never read by an import or by REF resolution.
struct MirrorIndex: Codable, Equatable {
    /// One version of the mirror.
    struct Version: Codable, Equatable {
        var digest: String
        var modelID: String
        var sampler: String
        var steps: Int
        var resolution: Int
        /// The names that hold it, sorted.
        var names: [String]
        /// The aliases (`NAME@LABEL`) that point at it, sorted.
        var aliases: [String]
        /// Its schedule file in the mirror.
        var schedule: String
    }

    /// The format tag.
    var format = "ecad.registry-index/v1"
    /// Every version, sorted by model id then digest.
    var versions: [Version]

    /// The index of a verified bundle's `files` (by path).
    /// - Throws: ``CLIError/badResponse(_:)`` when a version record or `aliases.json` does not parse.
    init(bundle files: [String: Data]) throws(CLIError) {
        let decoder = JSONDecoder()
        let links: MirrorAliases
        do {
            links = try decoder.decode(MirrorAliases.self, from: files["aliases.json"] ?? Data())
        } catch {
            throw .badResponse("the exported aliases.json does not parse: \(error)")
        }
        var versions: [Version] = []
        for (path, data) in files where path.hasPrefix("versions/") {
            let record: MirrorVersionRecord
            do { record = try decoder.decode(MirrorVersionRecord.self, from: data) } catch {
                throw .badResponse("the exported \(path) does not parse: \(error)")
            }
            let digest = record.digest
            versions.append(
                Version(
                    digest: digest, modelID: record.modelID, sampler: record.sampler, steps: record.steps,
                    resolution: record.resolution,
                    names: links.names.filter { $0.value.contains(digest) }.keys.sorted(),
                    aliases: links.aliases.filter { $0.value == digest }.keys.sorted(),
                    schedule: "schedules/\(digest).json"))
        }
        self.versions = versions.sorted { ($0.modelID, $0.digest) < ($1.modelID, $1.digest) }
    }

    /// `files` (a verified bundle) with `index.json` added and the manifest rewritten to list it: the mirror layout.
    static func mirror(of files: [String: Data]) throws(CLIError) -> [String: Data] {
        var mirror = files
        do {
            mirror[BundleManifest.indexFileName] = try encode(try MirrorIndex(bundle: files))
            mirror.removeValue(forKey: BundleManifest.fileName)
            mirror[BundleManifest.fileName] = try encode(BundleManifest(listing: mirror))
        } catch let error as CLIError {
            throw error
        } catch {
            throw .badResponse("cannot encode the mirror index: \(error)")
        }
        return mirror
    }

    /// JSON as the daemon writes bundle files: sorted keys, unescaped slashes, indented, a final newline.
    private static func encode(_ value: some Encodable) throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes, .prettyPrinted]
        return try encoder.encode(value) + Data([0x0A])
    }
}

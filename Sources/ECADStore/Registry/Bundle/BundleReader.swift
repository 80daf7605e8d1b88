import ECADCore
import Foundation

/// Reads and verifies a registry bundle, given as files by path, before anything is imported: the manifest's
/// format, that the files are exactly the listed ones with allowed paths, every sha256 and size
/// (``BundleManifest/verify(_:)``), and that every schedule's digest is its version's name.
struct BundleReader {
    /// The bundle's files by path, `manifest.json` included.
    let files: [String: Data]

    /// The verified versions and aliases, the number of listed files and the sha256 of the manifest.
    func read() throws(StoreError) -> (versions: [RegistryVersion], aliases: BundleAliases, files: Int, sha256: String) {
        let manifest: BundleManifest
        do {
            manifest = try BundleManifest.verify(files)
        } catch {
            throw Self.refused("\(error)")
        }
        var versions: [RegistryVersion] = []
        for (path, data) in files.sorted(by: { $0.key < $1.key }) where path.hasPrefix("versions/") {
            let record: BundleVersionRecord = try decode(data, path: path)
            guard path == "versions/\(record.digest).json" else { throw Self.refused("\(path) names another digest") }
            let schedulePath = "schedules/\(record.digest).json"
            guard let schedule = files[schedulePath] else { throw Self.refused("\(schedulePath) is missing") }
            do {
                let document = try ScheduleDocument(jsonBytes: [UInt8](schedule))
                guard document.digest.hex == record.digest else {
                    throw Self.refused("\(schedulePath) has digest \(document.digest.hex), not \(record.digest)")
                }
            } catch let error as StoreError {
                throw error
            } catch {
                throw Self.refused("\(schedulePath) is not an ecad.schedule/v1 document: \(error)")
            }
            versions.append(record.version(scheduleJSON: String(decoding: schedule, as: UTF8.self)))
        }
        guard let aliasData = files["aliases.json"] else { throw Self.refused("aliases.json is missing") }
        let aliases: BundleAliases = try decode(aliasData, path: "aliases.json")
        let manifestBytes = files[BundleManifest.fileName] ?? Data()
        return (versions, aliases, manifest.files.count, SHA256.hexDigest(manifestBytes))
    }

    static func refused(_ message: String) -> StoreError {
        .invalidInput(field: "bundle", message: "refused, nothing imported: \(message)")
    }

    private func decode<T: Decodable>(_ data: Data, path: String) throws(StoreError) -> T {
        do {
            return try JSONDecoder().decode(T.self, from: data)
        } catch {
            throw Self.refused("\(path) is not valid: \(error)")
        }
    }
}

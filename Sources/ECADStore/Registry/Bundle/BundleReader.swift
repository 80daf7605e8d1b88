import ECADCore
import Foundation

/// Reads and verifies a registry bundle directory before anything is imported: the manifest's format, that the
/// files on disk are exactly the listed ones (no extra, missing or linked files, no hostile paths), every sha256
/// and size, and that every schedule's digest is its version's name.
struct BundleReader {
    /// The largest bundle file read (16 MiB).
    static let maxFileBytes = 16 << 20

    let directory: URL

    /// The verified versions and aliases.
    func read() throws(StoreError) -> (versions: [RegistryVersion], aliases: BundleAliases, files: Int) {
        let manifest: BundleManifest = try decode(try load(BundleManifest.fileName), path: BundleManifest.fileName)
        guard manifest.format == BundleManifest.currentFormat else {
            throw Self.refused("manifest format is \"\(manifest.format)\", expected \(BundleManifest.currentFormat)")
        }
        var contents: [String: Data] = [:]
        for entry in manifest.files {
            do {
                try InputLimits.validateRelativePath(entry.path, field: "manifest path")
            } catch {
                throw Self.refused("\(error)")
            }
            guard contents[entry.path] == nil else { throw Self.refused("\(entry.path) is listed twice") }
            let data = try load(entry.path)
            guard data.count == entry.bytes, SHA256.hexDigest(data) == entry.sha256 else {
                throw Self.refused("\(entry.path) does not match its sha256 or size in the manifest")
            }
            contents[entry.path] = data
        }
        let onDisk = try listFiles()
        let unlisted = onDisk.subtracting(contents.keys).subtracting([BundleManifest.fileName])
        guard unlisted.isEmpty else { throw Self.refused("files not in the manifest: \(unlisted.sorted())") }

        var versions: [RegistryVersion] = []
        for (path, data) in contents.sorted(by: { $0.key < $1.key }) where path.hasPrefix("versions/") {
            let record: BundleVersionRecord = try decode(data, path: path)
            guard path == "versions/\(record.digest).json" else { throw Self.refused("\(path) names another digest") }
            let schedulePath = "schedules/\(record.digest).json"
            guard let schedule = contents[schedulePath] else { throw Self.refused("\(schedulePath) is missing") }
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
        guard let aliasData = contents["aliases.json"] else { throw Self.refused("aliases.json is missing") }
        let aliases: BundleAliases = try decode(aliasData, path: "aliases.json")
        return (versions, aliases, manifest.files.count)
    }

    static func refused(_ message: String) -> StoreError {
        .invalidInput(field: "bundle", message: "refused, nothing imported: \(message)")
    }

    private func load(_ path: String) throws(StoreError) -> Data {
        let url = directory.appendingPathComponent(path)
        let attributes = try? FileManager.default.attributesOfItem(atPath: url.path)
        guard let attributes, attributes[.type] as? FileAttributeType == .typeRegular else {
            throw Self.refused("\(path) is missing or not a regular file")
        }
        guard let size = attributes[.size] as? Int, size <= Self.maxFileBytes else {
            throw Self.refused("\(path) is larger than \(Self.maxFileBytes) bytes")
        }
        do {
            return try Data(contentsOf: url)
        } catch {
            throw Self.refused("cannot read \(path): \(error)")
        }
    }

    private func decode<T: Decodable>(_ data: Data, path: String) throws(StoreError) -> T {
        do {
            return try JSONDecoder().decode(T.self, from: data)
        } catch {
            throw Self.refused("\(path) is not valid: \(error)")
        }
    }

    private func listFiles() throws(StoreError) -> Set<String> {
        let base = directory.standardizedFileURL.path
        guard let walker = FileManager.default.enumerator(atPath: base) else {
            throw Self.refused("cannot list \(base)")
        }
        var files: Set<String> = []
        while let relative = walker.nextObject() as? String {
            let type = walker.fileAttributes?[.type] as? FileAttributeType
            if type == .typeDirectory { continue }
            guard type == .typeRegular else { throw Self.refused("\(relative) is not a regular file") }
            files.insert(relative)
        }
        return files
    }
}

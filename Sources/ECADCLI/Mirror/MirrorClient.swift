import ECADCore
import Foundation

/// A registry mirror read over HTTP (docs/registry.md, "Mirrors"): every file is checked against `manifest.json`
/// (size, then sha256) before anything uses it, and a schedule must hash to the digest it is named by, so a
/// tampered, truncated or misnamed download is refused and nothing from it is written or imported.
struct MirrorClient {
    /// Where the files come from.
    let downloader: MirrorDownloader
    /// The mirror's manifest and its bytes, fetched and checked at creation.
    let manifest: BundleManifest
    /// `manifest.json` as downloaded.
    let manifestBytes: Data

    /// A schedule fetched from a mirror and verified end to end.
    struct Fetched {
        /// Its digest.
        var digest: String
        /// The schedule document, which hashes to ``digest``.
        var document: ScheduleDocument
        /// The version record's model id.
        var modelID: String
    }

    /// Reads and checks `URL/manifest.json`.
    init(url: String) throws(CLIError) {
        downloader = try MirrorDownloader(url: url)
        manifestBytes = try downloader.download(BundleManifest.fileName, limit: BundleManifest.maxFileBytes)
        do {
            manifest = try JSONDecoder().decode(BundleManifest.self, from: manifestBytes)
        } catch {
            throw .mirror("\(downloader.url(BundleManifest.fileName)) is not a bundle manifest: \(error)")
        }
        guard manifest.format == BundleManifest.currentFormat else {
            throw .mirror(
                "\(downloader.url(BundleManifest.fileName)): format \"\(manifest.format)\" is not "
                    + BundleManifest.currentFormat)
        }
    }

    /// The digests of the mirror's versions (its `schedules/*.json`).
    var digests: [String] {
        manifest.files.compactMap { entry in
            guard entry.path.hasPrefix("schedules/"), entry.path.hasSuffix(".json") else { return nil }
            return String(entry.path.dropFirst("schedules/".count).dropLast(".json".count))
        }
    }

    /// The bytes of `path`, refused unless the manifest lists it (at most ``BundleManifest/maxFileBytes``) and they
    /// have its size and sha256; a longer download is stopped at the listed size.
    func fetch(_ path: String) throws(CLIError) -> Data {
        guard BundleManifest.isBundlePath(path), let entry = manifest.files.first(where: { $0.path == path }) else {
            throw .mirror("\(downloader.url(path)) is not in the mirror's manifest")
        }
        guard entry.bytes <= BundleManifest.maxFileBytes else {
            throw .mirror(
                "\(downloader.url(path)) is listed at \(entry.bytes) bytes, over \(BundleManifest.maxFileBytes)")
        }
        let data = try downloader.download(path, limit: entry.bytes)
        guard data.count == entry.bytes else {
            throw .mirror(
                "\(downloader.url(path)) is \(data.count) bytes, the manifest says \(entry.bytes) (truncated)")
        }
        let sha256 = SHA256.hexDigest(data)
        guard sha256 == entry.sha256 else {
            throw .mirror("\(downloader.url(path)) has sha256 \(sha256), the manifest says \(entry.sha256) (tampered)")
        }
        return data
    }

    /// REF's schedule: `aliases.json` resolves REF (``MirrorAliases/resolve(_:digests:)``), then its version record
    /// and schedule are fetched and checked; the schedule must hash to its name and the record must name it.
    func schedule(_ ref: String) throws(CLIError) -> Fetched {
        let aliases: MirrorAliases = try decode("aliases.json", try fetch("aliases.json"))
        let digest = try aliases.resolve(ref, digests: digests)
        let schedulePath = "schedules/\(digest).json"
        let record: MirrorVersionRecord = try decode("versions/\(digest).json", try fetch("versions/\(digest).json"))
        let document: ScheduleDocument
        do {
            document = try ScheduleDocument(jsonBytes: [UInt8](try fetch(schedulePath)))
        } catch let error as CLIError {
            throw error
        } catch {
            throw .mirror("\(downloader.url(schedulePath)) is not an ecad.schedule/v1 document: \(error)")
        }
        guard document.digest.hex == digest, record.digest == digest else {
            throw .mirror(
                "\(downloader.url(schedulePath)) hashes to \(document.digest.hex) and its record names "
                    + "\(record.digest), not \(digest) (misnamed)")
        }
        return Fetched(digest: digest, document: document, modelID: record.modelID)
    }

    /// Every file of the mirror, the manifest included, each checked against the manifest
    /// (``BundleManifest/verify(_:)`` holds for the result).
    func everything() throws(CLIError) -> [String: Data] {
        var files = [BundleManifest.fileName: manifestBytes]
        for entry in manifest.files where entry.path != BundleManifest.fileName {
            files[entry.path] = try fetch(entry.path)
        }
        do {
            _ = try BundleManifest.verify(files)
        } catch {
            throw .mirror("\(downloader.base): \(error)")
        }
        return files
    }

    private func decode<T: Decodable>(_ path: String, _ data: Data) throws(CLIError) -> T {
        do {
            return try JSONDecoder().decode(T.self, from: data)
        } catch {
            throw .mirror("\(downloader.url(path)) is not valid: \(error)")
        }
    }
}

import ECADCore
import ECADStore
import Foundation
import Testing

struct RegistryBundleTests {
    private func exported() async throws -> [String: Data] {
        let store = try TestStores.inMemory()
        try await store.registry.publish(front: RegistryFixtures.standardFront(), by: RegistryFixtures.alice)
        var other = try RegistryFixtures.front([(0.5, 0.5)], name: "other/x")
        other.modelID = "other"
        other.members[0].document = try RegistryFixtures.document(seed: 99)
        try await store.registry.publish(front: other, by: RegistryFixtures.alice)
        let files = try await store.registry.exportBundle(modelID: "shapes32")
        #expect(files.keys.filter { $0.hasPrefix("versions/") }.count == 5)
        return files
    }

    /// `files` with `path` replaced by `data` and the manifest's entry updated to match.
    static func replacing(_ path: String, with data: Data, in files: [String: Data]) -> [String: Data] {
        var files = files
        files[path] = data
        files[BundleManifest.fileName] = try? JSONEncoder().encode(BundleManifest(listing: files))
        return files
    }

    @Test func exportImportRoundTripKeepsVersionsNamesAndAliases() async throws {
        let files = try await exported()
        let manifest = try BundleManifest.verify(files)
        #expect(manifest.files.count == 11)
        let target = try TestStores.inMemory()
        let summary = try await target.registry.importBundle(files, by: RegistryFixtures.alice)
        #expect(summary.newVersions == 5)
        #expect(summary.bundleSha256 == SHA256.hexDigest(try #require(files[BundleManifest.fileName])))
        #expect(try await target.registry.resolve(ref: "shapes32/quick@fastest").digest == (try RegistryFixtures.digest(3)))
        #expect(try await target.registry.names()["shapes32/quick"]?.count == 5)
        #expect(try await target.registry.history(alias: "shapes32/quick@quality").first?.actorUID == 1000)
        let again = try await target.registry.importBundle(files, by: RegistryFixtures.alice)
        #expect(again.newVersions == 0)
    }

    @Test func schedulesInABundleAreReadableScheduleFiles() async throws {
        let files = try await exported()
        let digest = try RegistryFixtures.digest(1)
        let bytes = try #require(files["schedules/\(digest).json"])
        #expect(try ScheduleDocument(jsonBytes: Array(bytes)).digest.hex == digest)
    }

    @Test(arguments: ["tamper", "extra", "missing", "digest", "manifestPath", "noManifest"])
    func damagedBundlesImportNothing(_ damage: String) async throws {
        var files = try await exported()
        let digest = try RegistryFixtures.digest(1)
        switch damage {
        case "tamper":
            let path = "versions/\(digest).json"
            files[path] = Data(String(decoding: try #require(files[path]), as: UTF8.self)
                .replacingOccurrences(of: "0.9", with: "0.99").utf8)
        case "extra":
            files["schedules/\(String(repeating: "e", count: 64)).json"] = Data("x".utf8)
        case "missing":
            files["aliases.json"] = nil
        case "digest":
            let swapped = try #require(files["schedules/\(try RegistryFixtures.digest(2)).json"])
            files = Self.replacing("schedules/\(digest).json", with: swapped, in: files)
        case "manifestPath":
            let text = String(decoding: try #require(files[BundleManifest.fileName]), as: UTF8.self)
                .replacingOccurrences(of: "\"aliases.json\"", with: "\"..\\/aliases.json\"")
            files[BundleManifest.fileName] = Data(text.utf8)
        default:
            files[BundleManifest.fileName] = nil
        }
        let target = try TestStores.inMemory()
        await #expect(throws: StoreError.self) { try await target.registry.importBundle(files, by: RegistryFixtures.root) }
        #expect(try await target.registry.versions().isEmpty)
        #expect(try await target.registry.aliases().isEmpty)
        #expect(try await target.registry.names().isEmpty)
    }

    @Test func aliasToAnUnknownVersionRollsBackTheWholeImport() async throws {
        let files = try await exported()
        let text = String(decoding: try #require(files["aliases.json"]), as: UTF8.self)
            .replacingOccurrences(of: "\"aliases\" : {", with: "\"aliases\" : {\n    \"x@y\" : \"\(String(repeating: "0", count: 64))\",")
        let target = try TestStores.inMemory()
        await #expect(throws: StoreError.self) {
            try await target.registry.importBundle(
                Self.replacing("aliases.json", with: Data(text.utf8), in: files), by: RegistryFixtures.root)
        }
        #expect(try await target.registry.versions().isEmpty)
    }
}

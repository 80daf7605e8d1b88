import ECADCore
import ECADStore
import Foundation
import Testing

struct RegistryBundleTests {
    private func exported() async throws -> URL {
        let store = try TestStores.inMemory()
        try await store.registry.publish(front: RegistryFixtures.standardFront())
        var other = try RegistryFixtures.front([(0.5, 0.5)], name: "other/x")
        other.modelID = "other"
        other.members[0].document = try RegistryFixtures.document(seed: 99)
        try await store.registry.publish(front: other)
        let directory = try TestStores.temporaryDirectory().appendingPathComponent("bundle")
        let summary = try await store.registry.export(to: directory, modelID: "shapes32")
        #expect(summary.versions == 5)
        #expect(summary.aliases == 3)
        return directory
    }

    @Test func exportImportRoundTripKeepsVersionsNamesAndAliases() async throws {
        let directory = try await exported()
        defer { try? FileManager.default.removeItem(at: directory.deletingLastPathComponent()) }
        let manifest = try JSONDecoder().decode(
            BundleManifest.self, from: Data(contentsOf: directory.appendingPathComponent("manifest.json")))
        #expect(manifest.files.count == 11)
        let target = try TestStores.inMemory()
        let summary = try await target.registry.importBundle(from: directory, by: 1000)
        #expect(summary.newVersions == 5)
        #expect(try await target.registry.resolve(ref: "shapes32/quick@fastest").digest == (try RegistryFixtures.digest(3)))
        #expect(try await target.registry.names()["shapes32/quick"]?.count == 5)
        #expect(try await target.registry.history(alias: "shapes32/quick@quality").first?.actorUID == 1000)
        let again = try await target.registry.importBundle(from: directory, by: 1000)
        #expect(again.newVersions == 0)
    }

    @Test func schedulesInABundleAreReadableScheduleFiles() async throws {
        let directory = try await exported()
        defer { try? FileManager.default.removeItem(at: directory.deletingLastPathComponent()) }
        let digest = try RegistryFixtures.digest(1)
        let bytes = try Data(contentsOf: directory.appendingPathComponent("schedules/\(digest).json"))
        #expect(try ScheduleDocument(jsonBytes: Array(bytes)).digest.hex == digest)
    }

    @Test(arguments: ["tamper", "extra", "missing", "digest", "manifestPath", "symlink"])
    func damagedBundlesImportNothing(_ damage: String) async throws {
        let directory = try await exported()
        defer { try? FileManager.default.removeItem(at: directory.deletingLastPathComponent()) }
        let digest = try RegistryFixtures.digest(1)
        let manager = FileManager.default
        switch damage {
        case "tamper":
            let url = directory.appendingPathComponent("versions/\(digest).json")
            let text = try String(contentsOf: url, encoding: .utf8).replacingOccurrences(of: "0.9", with: "0.99")
            try text.write(to: url, atomically: true, encoding: .utf8)
        case "extra":
            try Data("x".utf8).write(to: directory.appendingPathComponent("schedules/evil.json"))
        case "missing":
            try manager.removeItem(at: directory.appendingPathComponent("aliases.json"))
        case "digest":
            let other = try RegistryFixtures.digest(2)
            let manifestURL = directory.appendingPathComponent("manifest.json")
            let swapped = try Data(contentsOf: directory.appendingPathComponent("schedules/\(other).json"))
            try swapped.write(to: directory.appendingPathComponent("schedules/\(digest).json"))
            var manifest = try JSONDecoder().decode(BundleManifest.self, from: Data(contentsOf: manifestURL))
            for index in manifest.files.indices where manifest.files[index].path == "schedules/\(digest).json" {
                manifest.files[index].sha256 = SHA256.hexDigest(swapped)
                manifest.files[index].bytes = swapped.count
            }
            try JSONEncoder().encode(manifest).write(to: manifestURL)
        case "manifestPath":
            let manifestURL = directory.appendingPathComponent("manifest.json")
            let text = try String(contentsOf: manifestURL, encoding: .utf8)
                .replacingOccurrences(of: "\"aliases.json\"", with: "\"..\\/aliases.json\"")
            try text.write(to: manifestURL, atomically: true, encoding: .utf8)
        default:
            try manager.createSymbolicLink(
                at: directory.appendingPathComponent("versions/link.json"),
                withDestinationURL: directory.appendingPathComponent("aliases.json"))
        }
        let target = try TestStores.inMemory()
        await #expect(throws: StoreError.self) { try await target.registry.importBundle(from: directory, by: nil) }
        #expect(try await target.registry.versions().isEmpty)
        #expect(try await target.registry.aliases().isEmpty)
        #expect(try await target.registry.names().isEmpty)
    }

    @Test func aliasToAnUnknownVersionRollsBackTheWholeImport() async throws {
        let directory = try await exported()
        defer { try? FileManager.default.removeItem(at: directory.deletingLastPathComponent()) }
        let aliasesURL = directory.appendingPathComponent("aliases.json")
        let text = try String(contentsOf: aliasesURL, encoding: .utf8)
            .replacingOccurrences(of: "\"aliases\" : {", with: "\"aliases\" : {\n    \"x@y\" : \"\(String(repeating: "0", count: 64))\",")
        let data = Data(text.utf8)
        try data.write(to: aliasesURL)
        let manifestURL = directory.appendingPathComponent("manifest.json")
        var manifest = try JSONDecoder().decode(BundleManifest.self, from: Data(contentsOf: manifestURL))
        for index in manifest.files.indices where manifest.files[index].path == "aliases.json" {
            manifest.files[index].sha256 = SHA256.hexDigest(data)
            manifest.files[index].bytes = data.count
        }
        try JSONEncoder().encode(manifest).write(to: manifestURL)
        let target = try TestStores.inMemory()
        await #expect(throws: StoreError.self) { try await target.registry.importBundle(from: directory, by: nil) }
        #expect(try await target.registry.versions().isEmpty)
    }

    @Test func exportRefusesANonEmptyDirectory() async throws {
        let store = try TestStores.inMemory()
        let directory = try TestStores.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        try Data("x".utf8).write(to: directory.appendingPathComponent("keep"))
        await #expect(throws: StoreError.self) { try await store.registry.export(to: directory) }
    }
}

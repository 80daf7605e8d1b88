import Foundation
import Glibc
import Testing

@testable import ECADDaemon

struct BundlePathCheckTests {
    let check = BundlePathCheck(policy: AccessPolicy(adminGroup: "ecadd-admin-test-nonexistent"))
    let uid = getuid()

    private func temporaryDirectory() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("ecad-bundle-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    @Test(arguments: ["relative/dir", "/tmp/../etc", "/tmp/./x", "", "/tmp/a\u{01}b"])
    func hostilePathsAreRefused(_ path: String) {
        #expect(throws: APIFailure.self) { try check.url(path, uid: uid, forExport: true) }
    }

    @Test func ownDirectoriesAreAcceptedAndLinksRefused() throws {
        let directory = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let bundle = directory.appendingPathComponent("bundle")
        #expect(try check.url(bundle.path, uid: uid, forExport: true).path == bundle.standardizedFileURL.path)
        #expect(throws: APIFailure.self) { try check.url(bundle.path, uid: uid, forExport: false) }
        let link = directory.appendingPathComponent("link")
        try FileManager.default.createSymbolicLink(at: link, withDestinationURL: directory)
        #expect(throws: APIFailure.self) { try check.url(link.path, uid: uid, forExport: false) }
        #expect(throws: APIFailure.self) {
            try check.url(link.appendingPathComponent("bundle").path, uid: uid, forExport: true)
        }
    }

    @Test func directoriesOfOtherUsersAreRefused() throws {
        let stranger: UInt32 = uid == 4242 ? 4243 : 4242
        let directory = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        #expect(throws: APIFailure.self) { try check.url(directory.path, uid: stranger, forExport: false) }
        #expect(throws: APIFailure.self) {
            try check.url(directory.appendingPathComponent("out").path, uid: stranger, forExport: true)
        }
    }
}

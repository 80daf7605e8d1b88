import ECADAPI
import Foundation
import Testing

/// The state directory is the daemon's alone: other users reach jobs only through the API (and its 403s).
@Suite(.serialized, .timeLimit(.minutes(2)))
struct StatePermissionsTests {
    @Test("state dir 0700, database and artifacts 0600, too-open modes narrowed at start; the socket stays open to all",
          .enabled(if: getuid() == 0, "needs root to act as a second uid"))
    func stateIsPrivate() throws {
        let harness = try DaemonHarness()
        try FileManager.default.createDirectory(atPath: harness.stateDirectory, withIntermediateDirectories: true)
        chmod(harness.stateDirectory, 0o755)  // as an older ecadd or a hand-made folder left it
        try harness.start()
        let id = try harness.submit(prompts: ["one"])
        try harness.waitForJob(id, "to complete") { $0.state == .completed }

        #expect(mode(harness.stateDirectory) == 0o700)
        for file in ["ecad.sqlite", "ecad.sqlite-wal", "ecad.sqlite-shm"] {
            #expect(mode(harness.stateDirectory + "/" + file) == 0o600, "\(file)")
        }
        let artifacts = harness.stateDirectory + "/artifacts/\(id)"
        let files = try FileManager.default.contentsOfDirectory(atPath: artifacts)
        #expect(!files.isEmpty)
        for file in files { #expect(mode(artifacts + "/" + file) & 0o077 == 0, "\(file)") }
        #expect(mode(harness.socket) == 0o666)
        #expect(try harness.curl("GET", "/v1/jobs/\(id)", asUID: SecondUserTests.nobody).0 == 200)
        let read = try CommandResult.run(
            "/usr/bin/setpriv", ["--reuid", "65534", "--regid", "65534", "--clear-groups", "/usr/bin/cat",
                                 harness.stateDirectory + "/ecad.sqlite"])
        #expect(read.status != 0)

        #expect(harness.stopDaemon() == 0)
        chmod(harness.stateDirectory, 0o755)
        chmod(harness.stateDirectory + "/ecad.sqlite", 0o644)
        try harness.start()
        #expect(mode(harness.stateDirectory) == 0o700)
        #expect(mode(harness.stateDirectory + "/ecad.sqlite") == 0o600)
    }

    private func mode(_ path: String) -> mode_t {
        var info = stat()
        return stat(path, &info) == 0 ? info.st_mode & 0o777 : 0
    }
}

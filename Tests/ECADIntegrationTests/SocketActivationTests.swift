import ECADAPI
import Foundation
import Testing

/// `ecadd` started the way `ecadd.socket` starts it: systemd-socket-activate binds the socket, waits for the
/// first connection and execs `ecadd` with the listener as fd 3 (`LISTEN_FDS=1`, `LISTEN_PID` = its pid).
@Suite(.serialized, .timeLimit(.minutes(2)))
struct SocketActivationTests {
    static let activator = "/usr/bin/systemd-socket-activate"

    @Test(
        "a socket-activated ecadd serves on the inherited socket and exits 0 on SIGTERM",
        .enabled(if: FileManager.default.isExecutableFile(atPath: SocketActivationTests.activator), "needs systemd-socket-activate (apt: systemd)"))
    func servesTheInheritedSocket() throws {
        let harness = try DaemonHarness()
        try harness.start(launcher: [Self.activator, "-l", harness.socket])
        let pid = try #require(harness.daemonPID)
        // The activator has exec'd ecadd in place: the pid we signal is the daemon itself.
        let executable = try FileManager.default.destinationOfSymbolicLink(atPath: "/proc/\(pid)/exe")
        #expect(executable.hasSuffix("/ecadd"))
        let socket = try FileManager.default.attributesOfItem(atPath: harness.socket)
        #expect(socket[.type] as? FileAttributeType == .typeSocket)

        let id = try harness.submit(prompts: ["a red circle"])
        let job = try harness.waitForJob(id, "to complete") { $0.state == .completed }
        #expect(job.restarts == 0)
        #expect(try harness.ecad(["queue", "--all"]).status == 0)

        #expect(harness.stopDaemon() == 0)
        // The socket belongs to whoever activated the daemon: ecadd leaves it in place.
        #expect(FileManager.default.fileExists(atPath: harness.socket))
    }
}

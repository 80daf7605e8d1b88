import Foundation

/// A small tmpfs mounted for one test (needs root and `mount`): a real file system that fills up, so the
/// daemon meets a real ENOSPC.
final class TmpfsMount {
    /// Where it is mounted.
    let path: String
    private var filler: String { path + "/filler" }

    /// Whether this process may mount a tmpfs (root in a container that allows it); checked once.
    static let isAvailable: Bool = {
        guard getuid() == 0 else { return false }
        let probe = NSTemporaryDirectory() + "ecad-tmpfs-probe-\(getpid())"
        defer { try? FileManager.default.removeItem(atPath: probe) }
        return (try? TmpfsMount(at: probe, bytes: 64 << 10)) != nil
    }()

    /// Mounts a tmpfs of `bytes` at `path` (created if missing), mode 0755.
    init(at path: String, bytes: Int) throws {
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        let result = try CommandResult.run("/usr/bin/mount", ["-t", "tmpfs", "-o", "size=\(bytes),mode=0755", "tmpfs", path])
        guard result.status == 0 else { throw Poll.TimedOut(what: "mount tmpfs at \(path): \(result.stderr)") }
        self.path = path
    }

    deinit {
        _ = try? CommandResult.run("/usr/bin/umount", ["-l", path])
    }

    /// Writes a filler file until the file system refuses with ENOSPC (down to single bytes).
    func fill() {
        let fd = open(filler, O_WRONLY | O_CREAT | O_APPEND, 0o600)
        guard fd >= 0 else { return }
        defer { close(fd) }
        for size in [64 << 10, 4 << 10, 1] {
            let block = [UInt8](repeating: 0x55, count: size)
            while block.withUnsafeBytes({ write(fd, $0.baseAddress, size) }) == size {}
        }
    }

    /// Deletes the filler: the space is back.
    func makeRoom() {
        unlink(filler)
    }
}

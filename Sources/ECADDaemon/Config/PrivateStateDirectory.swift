#if canImport(Glibc)
import Glibc
#endif
import ECADStore
import Foundation
import Logging

/// Keeps the state directory private to the daemon's user: the database and artifacts hold every user's jobs,
/// and reading them directly would bypass the API's 403s.
///
/// `ecadd` runs with umask 077, so what it and its workers create is 0700 (folders) or 0600 (files: the
/// database, its WAL and shared-memory files, artifacts). A state directory left with group or other bits by an
/// older version or by hand is narrowed to 0700 at start, and so are the database files, with a log line each.
package enum PrivateStateDirectory {
    /// The permission bits of a private state directory.
    package static let directoryMode: mode_t = 0o700
    /// The permission bits of a private file in it.
    package static let fileMode: mode_t = 0o600

    /// Sets the process umask to 077 (inherited by workers).
    package static func restrictUmask() { umask(0o077) }

    /// Creates `path` (0700) if needed, then narrows it and the database files in it to owner-only.
    /// - Throws: ``DaemonError/configuration(_:)`` naming the folder when it cannot be created (for a full disk,
    ///   with its free bytes).
    package static func prepare(_ path: String, logger: Logger) throws {
        do {
            try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        } catch {
            let free = DiskSpace.freeBytes(at: (path as NSString).deletingLastPathComponent)
            let space = free.map { ", \($0) bytes free there" } ?? ""
            throw DaemonError.configuration("cannot create the state directory \(path)\(space): \(error)")
        }
        narrow(path, to: directoryMode, logger: logger)
        for suffix in ["", "-wal", "-shm"] {
            narrow((path as NSString).appendingPathComponent(Store.fileName + suffix), to: fileMode, logger: logger)
        }
    }

    /// Removes the group and other bits of `path` if it has any (a missing path or a symbolic link is left alone).
    private static func narrow(_ path: String, to mode: mode_t, logger: Logger) {
        var info = stat()
        guard lstat(path, &info) == 0, info.st_mode & S_IFMT != S_IFLNK, info.st_mode & 0o077 != 0 else { return }
        let old = String(info.st_mode & 0o777, radix: 8)
        if chmod(path, mode) == 0 {
            logger.notice("narrowed permissions", metadata: ["path": "\(path)", "mode.old": "0\(old)", "mode.new": "0\(String(mode, radix: 8))"])
        } else {
            logger.warning("could not narrow permissions", metadata: ["path": "\(path)", "mode": "0\(old)", "errno": "\(errno)"])
        }
    }
}

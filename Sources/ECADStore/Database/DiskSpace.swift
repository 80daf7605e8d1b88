#if canImport(Glibc)
import Glibc
#endif
import Foundation
internal import GRDB

/// Free space on the file system holding a path (`statvfs`), and whether a SQLite failure means the disk is full.
public enum DiskSpace {
    /// An I/O error with less free space than this on the database's file system is reported as a full disk:
    /// SQLite says `SQLITE_FULL` only for failed writes, and `SQLITE_IOERR` ("disk I/O error") when it cannot
    /// grow its shared-memory or journal file, which is what a full disk gives at start-up.
    static let nearlyFullBytes: UInt64 = 1 << 20

    /// The bytes an unprivileged process may still write on the file system holding `path` (`f_bavail`
    /// blocks), or nil when `statvfs` fails (the path does not exist).
    public static func freeBytes(at path: String) -> UInt64? {
        var stats = statvfs()
        guard statvfs(path, &stats) == 0 else { return nil }
        return UInt64(stats.f_bavail) * UInt64(stats.f_frsize)
    }

    /// ``StoreError/diskFull(directory:freeBytes:message:)`` when `error` is SQLite's `SQLITE_FULL`, or its
    /// `SQLITE_IOERR` while the file system holding `databasePath` is (nearly) full; nil otherwise.
    static func fullDiskError(_ error: any Error, databasePath: String?) -> StoreError? {
        guard let sqlite = error as? DatabaseError, let databasePath else { return nil }
        let directory = (databasePath as NSString).deletingLastPathComponent
        let free = freeBytes(at: directory.isEmpty ? "." : directory)
        switch sqlite.resultCode {
        case .SQLITE_FULL:
            break
        case .SQLITE_IOERR:
            guard let free, free < nearlyFullBytes else { return nil }
        default:
            return nil
        }
        return .diskFull(directory: directory, freeBytes: free, message: sqlite.description)
    }
}

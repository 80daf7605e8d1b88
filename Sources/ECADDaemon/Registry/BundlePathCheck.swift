import Foundation

/// Where `POST /v1/registry/export|import` may touch the daemon's file system on a caller's behalf
/// (docs/registry.md): an absolute path without `.` or `..` components, whose directory (the bundle itself for
/// import, its parent for export) is a real directory, not a link, owned by the caller's uid, unless the caller
/// is an admin.
struct BundlePathCheck {
    let policy: AccessPolicy

    /// The checked URL of `path` for a caller `uid`.
    /// - Throws: ``APIFailure`` 400 naming the problem, 403 when the caller does not own the directory.
    func url(_ path: String, uid: UInt32, forExport: Bool) throws -> URL {
        guard path.hasPrefix("/") else { throw APIFailure.badRequest("directory must be an absolute path", field: "directory") }
        guard path.utf8.count <= 4096, !path.unicodeScalars.contains(where: { $0.properties.generalCategory == .control })
        else { throw APIFailure.badRequest("directory is too long or has control characters", field: "directory") }
        let parts = path.split(separator: "/")
        guard !parts.contains(".."), !parts.contains(".") else {
            throw APIFailure.badRequest("directory must not contain \".\" or \"..\" components", field: "directory")
        }
        let url = URL(fileURLWithPath: path).standardizedFileURL
        let checked = forExport ? url.deletingLastPathComponent() : url
        var info = stat()
        guard lstat(checked.path, &info) == 0 else {
            throw APIFailure.badRequest("\(checked.path) does not exist", field: "directory")
        }
        guard info.st_mode & S_IFMT == S_IFDIR else {
            throw APIFailure.badRequest("\(checked.path) is not a directory (links are refused)", field: "directory")
        }
        guard info.st_uid == uid || policy.isAdmin(uid: uid) else {
            throw APIFailure.forbidden("uid \(uid) does not own \(checked.path)")
        }
        return url
    }
}

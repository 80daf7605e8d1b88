import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// The folders an administrator shares with every user (installed job specs, model folders): the only places
/// a path in a submitted spec may point to. The daemon never opens any other path from a spec, since it would
/// do so with its own rights; `ecad submit` reads a user's files as that user and sends their contents inline.
package struct SharedRoots: Sendable, Equatable {
    /// The roots as real paths (symlinks and `..` resolved); roots that do not exist are left out.
    package let paths: [String]

    /// Resolves `roots`.
    package init(_ roots: [String]) {
        paths = roots.compactMap(Self.realPath)
    }

    /// The roots when the administrator names none: the models directory, `jobs/` beside it (the repository
    /// layout) and `/usr/share/ecad` (an installed package's job specs and models).
    package static func defaults(modelsDirectory: URL?) -> [String] {
        var roots = ["/usr/share/ecad"]
        if let models = modelsDirectory {
            roots += [models.path, models.deletingLastPathComponent().appendingPathComponent("jobs").path]
        }
        return roots
    }

    /// The real path of `path` when it lies under a root, after resolving every symlink and `..`.
    /// - Throws: ``DaemonError/invalidSpec(field:message:)`` naming `field`; the message is the same whether
    ///   or not the path exists, so it tells nothing about files outside the roots.
    package func confine(_ path: String, field: String) throws(DaemonError) -> String {
        guard path.hasPrefix("/"), let real = Self.realPath(path),
            paths.contains(where: { real == $0 || real.hasPrefix($0 == "/" ? $0 : $0 + "/") })
        else {
            let roots = paths.isEmpty ? "none are configured" : paths.joined(separator: ", ")
            throw .invalidSpec(
                field: field,
                message: "the daemon does not read files on a user's behalf: give the contents inline (`ecad submit` does) or an absolute path under a shared root (\(roots))")
        }
        return real
    }

    private static func realPath(_ path: String) -> String? {
        guard let resolved = realpath(path, nil) else { return nil }
        defer { free(resolved) }
        return String(cString: resolved)
    }
}

import ECADCore
import Foundation

#if canImport(Glibc)
import Glibc
#endif

/// A registry bundle directory, written and read by the CLI as the user running it (the daemon never opens a
/// user's path): export writes what the daemon sends after checking its manifest; import reads the files to send.
enum BundleDirectory {
    /// Checks `files` (``BundleManifest/verify(_:)``) and writes them into `path`, which must be a new or empty
    /// real directory: a symbolic link (even to a directory) or a non-empty directory is refused before anything
    /// is written, and no file is written through an existing link.
    static func write(_ files: [String: Data], to path: String) throws(CLIError) {
        do {
            _ = try BundleManifest.verify(files)
        } catch {
            throw .badResponse("the exported bundle does not verify: \(error)")
        }
        var info = stat()
        if lstat(path, &info) == 0 {
            guard info.st_mode & S_IFMT == S_IFDIR else {
                throw .usage("\(path) exists and is not a directory (symbolic links are refused)")
            }
            guard (try? FileManager.default.contentsOfDirectory(atPath: path))?.isEmpty == true else {
                throw .usage("\(path) is not empty")
            }
        } else {
            try makeDirectory(path)
        }
        for folder in ["schedules", "versions"] { try makeDirectory(path + "/" + folder) }
        for (relative, data) in files.sorted(by: { $0.key < $1.key }) {
            do {
                try data.write(to: URL(fileURLWithPath: path + "/" + relative), options: .withoutOverwriting)
            } catch {
                throw .usage("cannot write \(path)/\(relative): \(error.localizedDescription)")
            }
        }
    }

    /// The bundle's files by path, read from directory `path`: regular files only (links are refused), each at
    /// most ``BundleManifest/maxFileBytes``. The daemon verifies the manifest and every digest.
    static func read(_ path: String) throws(CLIError) -> [String: Data] {
        var info = stat()
        guard lstat(path, &info) == 0, info.st_mode & S_IFMT == S_IFDIR else {
            throw .usage("\(path) is not a directory (symbolic links are refused)")
        }
        guard let walker = FileManager.default.enumerator(atPath: path) else { throw .usage("cannot list \(path)") }
        var files: [String: Data] = [:]
        while let relative = walker.nextObject() as? String {
            let type = walker.fileAttributes?[.type] as? FileAttributeType
            if type == .typeDirectory { continue }
            guard type == .typeRegular else { throw .usage("\(path)/\(relative) is not a regular file") }
            let size = walker.fileAttributes?[.size] as? Int ?? 0
            guard size <= BundleManifest.maxFileBytes else {
                throw .usage("\(path)/\(relative) is larger than \(BundleManifest.maxFileBytes) bytes")
            }
            do {
                files[relative] = try Data(contentsOf: URL(fileURLWithPath: path + "/" + relative))
            } catch {
                throw .usage("cannot read \(path)/\(relative): \(error.localizedDescription)")
            }
        }
        return files
    }

    private static func makeDirectory(_ path: String) throws(CLIError) {
        guard mkdir(path, 0o755) == 0 else {
            throw .usage("cannot create \(path): \(String(cString: strerror(errno)))")
        }
    }
}

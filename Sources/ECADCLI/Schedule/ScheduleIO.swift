import ArgumentParser
import Foundation

/// File reading and writing for the schedule commands.
enum ScheduleIO {
    /// Largest schedule or config file read (64 MiB).
    static let maxBytes = 64 << 20

    /// The bytes of `path`.
    static func read(_ path: String) throws -> [UInt8] {
        let url = URL(fileURLWithPath: path)
        let size = (try? FileManager.default.attributesOfItem(atPath: path)[.size] as? Int) ?? 0
        guard size <= maxBytes else { throw ValidationError("\(path): larger than 64 MiB") }
        do {
            return [UInt8](try Data(contentsOf: url))
        } catch {
            throw ValidationError("cannot read \(path): \(error.localizedDescription)")
        }
    }

    /// Writes `bytes` to `path` atomically, or to standard output when `path` is nil or `-`.
    static func write(_ bytes: [UInt8], to path: String?) throws {
        guard let path, path != "-" else {
            FileHandle.standardOutput.write(Data(bytes))
            return
        }
        try Data(bytes).write(to: URL(fileURLWithPath: path), options: .atomic)
    }
}

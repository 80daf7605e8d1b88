import ECADCore
import Foundation

/// File reading and writing for the schedule commands.
enum ScheduleIO {
    /// Largest schedule or config file read (64 MiB).
    static let maxBytes = 64 << 20

    /// The bytes of `path` (`-` = standard input), at most `maxBytes`.
    static func read(_ path: String, maxBytes: Int = ScheduleIO.maxBytes) throws -> [UInt8] {
        let handle: FileHandle
        if path == "-" {
            handle = FileHandle.standardInput
        } else if let file = FileHandle(forReadingAtPath: path) {
            handle = file
        } else {
            throw ScheduleCommandError("cannot open \(path) for reading")
        }
        defer { if path != "-" { try? handle.close() } }
        guard let data = try handle.read(upToCount: maxBytes + 1) else { return [] }
        guard data.count <= maxBytes else { throw ScheduleCommandError("\(path): larger than \(maxBytes >> 20) MiB") }
        return [UInt8](data)
    }

    /// Reads and detects the schedule file at `path`; errors name the file.
    static func load(_ path: String, model: String?) throws -> ScheduleFile {
        do {
            return try ScheduleFile(bytes: try read(path), model: model)
        } catch let error as ECADCoreError {
            throw ScheduleCommandError("\(path): \(error)")
        }
    }

    /// Writes `bytes` to `path` atomically, or to standard output when `path` is nil or `-`.
    static func write(_ bytes: [UInt8], to path: String?) throws {
        guard let path, path != "-" else {
            FileHandle.standardOutput.write(Data(bytes))
            return
        }
        do {
            try Data(bytes).write(to: URL(fileURLWithPath: path), options: .atomic)
        } catch {
            throw ScheduleCommandError("cannot write \(path): \(error.localizedDescription)")
        }
    }
}

/// A failure of a schedule command, printed as `Error: <message>` (exit status 1, no usage text).
struct ScheduleCommandError: Error, CustomStringConvertible {
    /// What went wrong, naming the file.
    let description: String

    init(_ description: String) { self.description = description }
}

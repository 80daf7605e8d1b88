import Foundation

/// Runs one Slurm client command (`sbatch`, `squeue`, `scancel`) to completion on its own thread, so the blocking
/// wait never holds a thread of Swift's cooperative pool.
package struct SlurmCommand: Sendable {
    /// What a command printed and how it ended.
    package struct Output: Sendable {
        /// The exit status (or 127 when it could not be started).
        package var status: Int32
        /// Standard output.
        package var stdout: String
        /// Standard error.
        package var stderr: String

        /// Standard error, else standard output, trimmed: the command's own explanation of a failure.
        package var message: String {
            let text = stderr.trimmingCharacters(in: .whitespacesAndNewlines)
            return text.isEmpty ? stdout.trimmingCharacters(in: .whitespacesAndNewlines) : text
        }
    }

    /// The executable (a path, or a name looked up on `PATH`).
    package let executable: String
    /// Its arguments.
    package let arguments: [String]

    /// Runs the command and collects its output.
    package func run() async -> Output {
        let (executable, arguments) = (executable, arguments)
        return await withCheckedContinuation { continuation in
            Thread.detachNewThread {
                continuation.resume(returning: Self.runBlocking(executable, arguments))
            }
        }
    }

    private static func runBlocking(_ executable: String, _ arguments: [String]) -> Output {
        let process = Process()
        if executable.contains("/") {
            process.executableURL = URL(fileURLWithPath: executable)
            process.arguments = arguments
        } else {
            process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
            process.arguments = [executable] + arguments
        }
        let out = Pipe()
        let err = Pipe()
        process.standardOutput = out
        process.standardError = err
        process.standardInput = FileHandle.nullDevice
        do { try process.run() } catch {
            return Output(status: 127, stdout: "", stderr: "cannot run \(executable): \(error.localizedDescription)")
        }
        // Both pipes are read to the end before waiting: a full pipe would otherwise block the command.
        let errors = PipeReader(err.fileHandleForReading)
        let outputData = out.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Output(
            status: process.terminationStatus, stdout: String(decoding: outputData, as: UTF8.self),
            stderr: String(decoding: errors.wait(), as: UTF8.self))
    }

    /// Reads a pipe to its end on a thread of its own.
    private final class PipeReader: @unchecked Sendable {
        private var data = Data()
        private let done = DispatchSemaphore(value: 0)

        init(_ handle: FileHandle) {
            Thread.detachNewThread { [self] in
                data = handle.readDataToEndOfFile()
                done.signal()
            }
        }

        /// The pipe's bytes, once it reached end of file.
        func wait() -> Data {
            done.wait()
            return data
        }
    }
}

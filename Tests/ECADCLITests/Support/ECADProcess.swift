import Foundation

/// Runs the built `ecad` executable, as a user would, in a chosen working directory.
struct ECADProcess {
    /// The package root, from this file's path.
    static let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()
    /// The built `ecad` (`ECAD_BIN_DIR` or `.build/debug`).
    static let executable =
        (ProcessInfo.processInfo.environment["ECAD_BIN_DIR"]
            ?? packageRoot.appendingPathComponent(".build/debug").path) + "/ecad"

    /// Exit status.
    let status: Int32
    /// Everything written to standard output.
    let output: String
    /// Everything written to standard error.
    let error: String

    /// Runs `ecad arguments` in `directory` and waits for it.
    static func run(_ arguments: [String], in directory: URL) throws -> ECADProcess {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        process.currentDirectoryURL = directory
        let output = Pipe()
        let error = Pipe()
        process.standardOutput = output
        process.standardError = error
        try process.run()
        let outputData = output.fileHandleForReading.readDataToEndOfFile()
        let errorData = error.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return ECADProcess(
            status: process.terminationStatus, output: String(decoding: outputData, as: UTF8.self),
            error: String(decoding: errorData, as: UTF8.self)
        )
    }

    /// A fresh empty directory under the temporary directory.
    static func temporaryDirectory() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("ecad-cli-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }
}

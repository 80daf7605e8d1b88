import ArgumentParser
import ECADAPI
import Foundation

/// A command that talks to the daemon: its errors become messages on stderr and exit statuses
/// (1 refused, 2 usage, 3 unreachable).
protocol DaemonCommand: ParsableCommand {
    /// Does the work.
    func execute() throws(CLIError)
}

extension DaemonCommand {
    func run() throws {
        do {
            try execute()
        } catch {
            TerminalOutput.printError(error.description)
            throw ExitCode(error.exitCode)
        }
    }

    /// Prints raw API JSON (one document) to stdout, with C1 controls and bidi overrides escaped
    /// (``TerminalOutput/sanitizedJSON(_:)``).
    func printJSON(_ data: Data) {
        FileHandle.standardOutput.write(TerminalOutput.sanitizedJSON(data))
        if data.last != UInt8(ascii: "\n") { print() }
    }

    /// Prints a value as API JSON.
    func printJSON(_ value: some Encodable) throws(CLIError) {
        do { printJSON(try APIJSON.makeEncoder(pretty: true).encode(value)) } catch { throw CLIError.badResponse("\(error)") }
    }
}

/// Parses a job id argument.
struct JobIDArgument: ExpressibleByArgument {
    /// The id.
    var value: Int64

    init?(argument: String) {
        guard let value = Int64(argument), value > 0 else { return nil }
        self.value = value
    }
}

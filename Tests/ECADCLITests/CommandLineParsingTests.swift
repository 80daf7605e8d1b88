import ArgumentParser
import Testing

@testable import ECADCLI

/// How `ecad`'s command line is read: global options on either side of the subcommand, negative numbers as values.
struct CommandLineParsingTests {
    private func parse<Command: ParsableCommand>(_ arguments: [String], as type: Command.Type) throws -> Command {
        let command = try ECADCommand.parseAsRoot(arguments)
        return try #require(command as? Command, "parsed \(Swift.type(of: command)), not \(Command.self)")
    }

    @Test func socketBeforeTheSubcommand() throws {
        let queue = try parse(["--socket", "/tmp/s.sock", "queue"], as: QueueCommand.self)
        #expect(queue.global.socketPath == "/tmp/s.sock")
    }

    @Test func socketWithEqualsBeforeANestedSubcommand() throws {
        let list = try parse(["--socket=/tmp/s.sock", "registry", "list"], as: RegistryListCommand.self)
        #expect(list.global.socketPath == "/tmp/s.sock")
    }

    @Test func socketAfterTheSubcommandStillWorks() throws {
        let show = try parse(["show", "7", "--socket", "/tmp/after.sock"], as: ShowCommand.self)
        #expect(show.global.socketPath == "/tmp/after.sock")
    }

    @Test func negativePriority() throws {
        let submit = try parse(["submit", "spec.toml", "--priority", "-5"], as: SubmitCommand.self)
        #expect(submit.priority == -5)
        #expect(submit.file == "spec.toml")
        let before = try parse(["submit", "--priority", "-12", "spec.toml"], as: SubmitCommand.self)
        #expect(before.priority == -12)
        #expect(before.file == "spec.toml")
    }

    @Test func priorityStillRefusesAFlagAsItsValue() {
        #expect(throws: (any Error).self) {
            _ = try ECADCommand.parseAsRoot(["submit", "spec.toml", "--priority", "--json"])
        }
    }

    @Test func unknownOptionsAreStillRefused() {
        #expect(throws: (any Error).self) { _ = try ECADCommand.parseAsRoot(["--sockets", "/x", "queue"]) }
    }
}

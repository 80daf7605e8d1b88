import ArgumentParser

/// `ecad schedule`: offline commands on schedule files (no daemon needed).
public struct ScheduleCommand: ParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "schedule",
        abstract: "Inspect, convert and generate caching schedules (offline).",
        subcommands: [ScheduleInfoCommand.self, ScheduleConvertCommand.self, ScheduleHeuristicCommand.self]
    )

    public init() {}
}

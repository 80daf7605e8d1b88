import ArgumentParser
import ECADAPI
import Foundation

/// `ecad front ID [--json]`: a search's current (or final) Pareto front as a table.
struct FrontCommand: DaemonCommand {
    static let configuration = CommandConfiguration(
        commandName: "front", abstract: "Show a search job's Pareto front (rank, schedule, reward, MACs, speedup, latency).")

    @OptionGroup var global: GlobalOptions
    @OptionGroup var output: OutputOptions

    @Argument(help: "Search job id.")
    var id: JobIDArgument

    func execute() throws(CLIError) {
        let data = try global.client.raw("/v1/jobs/\(id.value)/front")
        if output.json { return printJSON(data) }
        let front: FrontView
        do {
            front = try APIJSON.makeDecoder().decode(FrontView.self, from: data)
        } catch {
            throw CLIError.badResponse("\(error)")
        }
        TerminalOutput.print(Self.render(front))
    }

    /// The table, with a heading line naming the generation and hypervolume.
    static func render(_ front: FrontView) -> String {
        var table = TextTable(headers: ["RANK", "SCHEDULE", "REWARD", "MAC_FRACTION", "SPEEDUP", "LATENCY_S"])
        for (index, member) in front.members.enumerated() {
            let metrics = member.metrics
            table.rows.append([
                String(index + 1), String(member.scheduleDigest.prefix(12)), number(metrics["reward"], 4),
                number(metrics["macsRatio"], 4), metrics["speedup"].map { String(format: "%.2fx", $0) } ?? "-",
                number(metrics["latencySeconds"], 4),
            ])
        }
        let hypervolume = front.hypervolume.map { String(format: "%.5f", $0) } ?? "-"
        return "job \(front.jobID) generation \(front.generation) hypervolume \(hypervolume)\n" + table.rendered
    }

    private static func number(_ value: Double?, _ digits: Int) -> String {
        value.map { String(format: "%.\(digits)f", $0) } ?? "-"
    }
}

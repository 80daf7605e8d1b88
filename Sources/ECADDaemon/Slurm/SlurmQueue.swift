import Foundation

/// Slurm's client commands as the executor uses them: one `sbatch --array` per submission, one `squeue` call per
/// poll for every array of a batch, `scancel` of whole arrays.
///
/// Failures carry Slurm's own words (``DaemonError/workerFailed(code:message:)`` with code `slurm`), so that the
/// job's log and failure reason say "Invalid partition name specified" or "Munge encode failed".
package struct SlurmQueue: Sendable {
    /// Partition, account, gres, time limit, commands.
    package let settings: SlurmSettings

    /// Submits `tasks` array tasks running `script FOLDER TASKS WORKER ARGS...`; returns the array's job id.
    package func submit(
        name: String, folder: String, tasks: Int, script: String, worker: [String]
    ) async throws -> String {
        var arguments = [
            "--parsable", "--job-name=\(name)", "--array=0-\(tasks - 1)", "--chdir=\(folder)",
            "--output=\(folder)/slurm-%A_%a.log",
        ]
        if let partition = settings.partition { arguments.append("--partition=\(partition)") }
        if let account = settings.account { arguments.append("--account=\(account)") }
        if let gres = settings.gres { arguments.append("--gres=\(gres)") }
        if let time = settings.timeLimit { arguments.append("--time=\(time)") }
        arguments += [script, folder, String(tasks)] + worker
        let output = await SlurmCommand(executable: settings.command("sbatch"), arguments: arguments).run()
        // --parsable prints "id" or "id;cluster".
        let id = output.stdout.split(separator: ";").first.map { $0.trimmingCharacters(in: .whitespacesAndNewlines) } ?? ""
        guard output.status == 0, !id.isEmpty, id.allSatisfy(\.isNumber) else {
            throw DaemonError.workerFailed(code: "slurm", message: "sbatch failed (exit \(output.status)): \(output.message)")
        }
        return id
    }

    /// The arrays among `ids` that still have a task pending or running, with each task's state and reason
    /// (`12_3 PENDING Resources`). An array Slurm no longer knows ("Invalid job id": it ended more than
    /// `MinJobAge` ago) counts as ended.
    /// - Throws: ``DaemonError/workerFailed(code:message:)`` when Slurm cannot be asked (slurmctld or munge down).
    package func active(_ ids: [String]) async throws -> [String: [String]] {
        guard !ids.isEmpty else { return [:] }
        let output = await SlurmCommand(
            executable: settings.command("squeue"),
            arguments: ["-h", "-r", "-j", ids.joined(separator: ","), "-o", "%i %T %r"]
        ).run()
        if output.status != 0 {
            if output.message.contains("Invalid job id") { return [:] }
            throw DaemonError.workerFailed(code: "slurm", message: "squeue failed (exit \(output.status)): \(output.message)")
        }
        var tasks: [String: [String]] = [:]
        for line in output.stdout.split(separator: "\n") {
            let task = line.split(separator: " ").first.map(String.init) ?? ""
            let array = String(task.split(separator: "_").first ?? "")
            guard ids.contains(array) else { continue }
            tasks[array, default: []].append(String(line))
        }
        return tasks
    }

    /// Cancels whole arrays (every task, pending or running).
    /// - Throws: ``DaemonError/workerFailed(code:message:)`` when scancel refuses.
    package func cancel(_ ids: [String]) async throws {
        guard !ids.isEmpty else { return }
        let output = await SlurmCommand(executable: settings.command("scancel"), arguments: ids).run()
        guard output.status == 0 else {
            throw DaemonError.workerFailed(code: "slurm", message: "scancel failed (exit \(output.status)): \(output.message)")
        }
    }
}

import Foundation

/// Records what `ecadd` and its workers say to each other, to count the schedules each worker was asked to
/// evaluate and how far it got.
///
/// `ecadd` is given a bash wrapper as its worker; the wrapper execs the real worker (so the daemon's child,
/// its pid and its exit status are the worker's own) with stdin and stdout passed through `tee` into
/// `io-<pid>.in` and `io-<pid>.out` in ``directory``, one pair per worker process.
struct WorkerIORecorder {
    /// One `evaluate` request as the logs show it.
    struct Request: Equatable {
        /// Schedules asked for.
        var schedules: Int
        /// Schedules the worker reported done (`progress`).
        var done = 0
        /// Whether the worker wrote its `result`.
        var answered = false
    }

    /// Where the logs go.
    let directory: URL
    /// The wrapper to give `ecadd` as `--worker`.
    let wrapper: String

    /// Writes the wrapper around `worker` into a new `directory`.
    init(worker: String, directory: URL) throws {
        self.directory = directory
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        wrapper = directory.appendingPathComponent("worker.sh").path
        let script = """
            #!/bin/bash
            # $$ is this shell's pid, which the worker keeps after exec.
            exec '\(worker)' "$@" < <(exec tee -a '\(directory.path)/io-'$$'.in') > >(exec tee -a '\(directory.path)/io-'$$'.out')

            """
        try Data(script.utf8).write(to: URL(fileURLWithPath: wrapper))
        chmod(wrapper, 0o755)
    }

    /// The pids of every worker process started so far.
    var workerPIDs: [Int32] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? []
        return names.compactMap { name in
            guard name.hasPrefix("io-"), name.hasSuffix(".in") else { return nil }
            return Int32(name.dropFirst(3).dropLast(3))
        }.sorted()
    }

    /// The `evaluate` requests worker `pid` received, in order.
    func requests(pid: Int32) -> [Request] {
        var order: [String] = []
        var byID: [String: Request] = [:]
        for message in Self.messages(directory.appendingPathComponent("io-\(pid).in")) where message["type"] as? String == "evaluate" {
            guard let id = message["id"] as? String, let schedules = message["schedules"] as? [Any] else { continue }
            order.append(id)
            byID[id] = Request(schedules: schedules.count)
        }
        for message in Self.messages(directory.appendingPathComponent("io-\(pid).out")) {
            guard let id = message["id"] as? String, byID[id] != nil else { continue }
            switch message["type"] as? String {
            case "progress": byID[id]?.done = message["done"] as? Int ?? 0
            case "result": byID[id]?.answered = true
            default: break
            }
        }
        return order.compactMap { byID[$0] }
    }

    /// The requests of `type` (`load`) worker `pid` received, as JSON objects.
    func messages(pid: Int32, type: String) -> [[String: Any]] {
        Self.messages(directory.appendingPathComponent("io-\(pid).in")).filter { $0["type"] as? String == type }
    }

    /// Schedules requested from every worker so far.
    var requestedSchedules: Int { workerPIDs.flatMap(requests(pid:)).map(\.schedules).reduce(0, +) }

    /// Schedules every worker reported done so far.
    var finishedSchedules: Int { workerPIDs.flatMap(requests(pid:)).map(\.done).reduce(0, +) }

    /// The complete JSON lines of a log (a line still being written is skipped).
    private static func messages(_ file: URL) -> [[String: Any]] {
        guard let data = try? Data(contentsOf: file) else { return [] }
        // What follows the last newline is empty or a partial line.
        let lines = data.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false).dropLast()
        return lines.compactMap { try? JSONSerialization.jsonObject(with: Data($0)) as? [String: Any] }
    }
}

import Foundation

/// A memory-limited cgroup made by a test (cgroup v2 when its memory controller is enabled, else the v1 memory
/// hierarchy), into which a running process is moved. Needs root; removed again by ``remove()``.
struct MemoryCgroup {
    /// The cgroup's folder.
    let directory: String
    private let version2: Bool

    /// Whether a memory cgroup can be made here (root, and a v2 or v1 memory controller).
    static var isAvailable: Bool { getuid() == 0 && (hierarchy() != nil) }

    /// The hierarchy to use: the v2 root when it offers `memory`, else the v1 memory root.
    private static func hierarchy() -> (root: String, version2: Bool)? {
        for root in ["/sys/fs/cgroup", "/sys/fs/cgroup/unified"] {
            let controllers = (try? String(contentsOfFile: root + "/cgroup.controllers", encoding: .utf8)) ?? ""
            let enabled = (try? String(contentsOfFile: root + "/cgroup.subtree_control", encoding: .utf8)) ?? ""
            if controllers.split(separator: " ").contains(where: { $0.hasPrefix("memory") }),
                enabled.contains("memory")
            {
                return (root, true)
            }
        }
        if FileManager.default.isWritableFile(atPath: "/sys/fs/cgroup/memory/cgroup.procs") {
            return ("/sys/fs/cgroup/memory", false)
        }
        return nil
    }

    /// Makes a cgroup limited to `bytes` of memory.
    init(limit bytes: Int) throws {
        guard let (root, version2) = Self.hierarchy() else { throw Poll.TimedOut(what: "a memory cgroup (none available)") }
        directory = "\(root)/ecad-test-\(UUID().uuidString.prefix(8))"
        self.version2 = version2
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: false)
        try write(String(bytes), to: version2 ? "memory.max" : "memory.limit_in_bytes")
    }

    /// Moves process `pid` (and the children it spawns later) into the cgroup.
    func add(_ pid: Int32) throws {
        try write(String(pid), to: "cgroup.procs")
    }

    /// The processes now in the cgroup.
    var processes: [Int32] {
        let text = (try? String(contentsOfFile: directory + "/cgroup.procs", encoding: .utf8)) ?? ""
        return text.split(separator: "\n").compactMap { Int32($0) }
    }

    /// Times the cgroup's processes were OOM-killed (v2 `memory.events`), or whether the limit was hit (v1
    /// `memory.failcnt`).
    var limitEvents: Int {
        if version2 {
            let events = (try? String(contentsOfFile: directory + "/memory.events", encoding: .utf8)) ?? ""
            let line = events.split(separator: "\n").first { $0.hasPrefix("oom_kill ") }
            return line.flatMap { Int($0.split(separator: " ")[1]) } ?? 0
        }
        let text = (try? String(contentsOfFile: directory + "/memory.failcnt", encoding: .utf8)) ?? "0"
        return Int(text.trimmingCharacters(in: .whitespacesAndNewlines)) ?? 0
    }

    /// Removes the cgroup (its processes must have exited).
    func remove() {
        rmdir(directory)
    }

    private func write(_ text: String, to file: String) throws {
        try text.write(toFile: directory + "/" + file, atomically: false, encoding: .utf8)
    }
}

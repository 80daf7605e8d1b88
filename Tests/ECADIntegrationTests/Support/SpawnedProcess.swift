import Foundation

/// A child process started with `posix_spawn` (not Foundation's `Process`), with an empty signal mask and
/// default signal dispositions, and reaped with `waitpid`.
///
/// The daemon runs this way because Foundation's `Process` on Linux notices a child's exit by a descriptor the
/// child inherits: a launcher that closes its descriptors before exec'ing the daemon (`systemd-socket-activate`)
/// makes Foundation block in `waitpid` for a process that still runs, which stalls every other `Process` in the
/// test run. Its children also inherit the test thread's signal mask, in which SIGCHLD is blocked.
final class SpawnedProcess {
    /// A `posix_spawn` call failed.
    struct Failure: Error, CustomStringConvertible {
        var description: String
    }

    /// The child's pid.
    let pid: pid_t
    private var status: Int32?

    /// Starts `command` (an absolute path and its arguments) with `environment`; stdin and stderr are /dev/null,
    /// stdout is inherited, or written to the file `stdout` when given.
    init(_ command: [String], environment: [String: String], stdout: String? = nil) throws {
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        if let stdout { posix_spawn_file_actions_addopen(&actions, 1, stdout, O_WRONLY | O_CREAT | O_TRUNC, 0o644) }
        posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        var empty = sigset_t(), all = sigset_t()
        sigemptyset(&empty)
        sigfillset(&all)
        posix_spawnattr_setsigmask(&attributes, &empty)
        posix_spawnattr_setsigdefault(&attributes, &all)
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF))
        let argv = command.map { strdup($0) } + [nil]
        let envp = environment.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer { (argv + envp).forEach { free($0) } }
        var child = pid_t()
        let result = posix_spawn(&child, command[0], &actions, &attributes, argv, envp)
        guard result == 0 else { throw Failure(description: "posix_spawn \(command[0]): error \(result)") }
        pid = child
    }

    deinit {
        if status == nil {
            kill(pid, SIGKILL)
            _ = wait()
        }
    }

    /// Waits for the child to exit; returns its exit status, or 128 + the signal that ended it.
    @discardableResult
    func wait() -> Int32 {
        if let status { return status }
        var raw: Int32 = 0
        while waitpid(pid, &raw, 0) == -1, errno == EINTR {}
        let signal = raw & 0x7f
        let result = signal == 0 ? (raw >> 8) & 0xff : 128 + signal
        status = result
        return result
    }
}

#if canImport(Glibc)
import Glibc
#endif
import ECADWorkerProtocol
import Foundation
import Synchronization

/// One running worker executable, spawned with `posix_spawn` in its own process group, speaking the
/// JSON-lines protocol on stdin/stdout; stderr lines are handed to a log callback.
///
/// Two dedicated threads do the blocking reads (never the cooperative pool). The stdout thread decodes lines
/// into ``outputs`` and, at end of file, reaps the process and yields its wait status last.
package final class WorkerProcess: Sendable {
    /// What the worker said or did.
    package enum Output: Sendable {
        /// A well-formed line.
        case reply(WorkerReply)
        /// A line that broke the protocol.
        case invalid(WorkerProtocolError)
        /// The process ended (always the last element).
        case exited(WaitStatus)
    }

    /// The worker's process id (also its process group id).
    package let pid: pid_t
    /// Everything the worker says, in order; one consumer only.
    package let outputs: AsyncStream<Output>
    private let stdinFD: Mutex<Int32?>
    private let lastOutput: LastOutput

    /// The time of the worker's latest stdout line, shared with the reader thread.
    final class LastOutput: Sendable {
        let instant = Mutex(ContinuousClock.now)
    }

    private init(pid: pid_t, stdinFD: Int32, outputs: AsyncStream<Output>, lastOutput: LastOutput) {
        self.pid = pid
        self.stdinFD = Mutex(stdinFD)
        self.outputs = outputs
        self.lastOutput = lastOutput
    }

    deinit { closeInput() }

    /// How long the worker has been silent on stdout (heartbeats count).
    package var silence: Duration { ContinuousClock.now - lastOutput.instant.withLock { $0 } }

    /// Writes one command line to the worker's stdin.
    /// - Throws: ``DaemonError/workerExited(status:)``-like errors when the pipe is closed.
    package func send(_ command: WorkerCommand) throws {
        let data = try WorkerLineCodec().encode(command)
        try stdinFD.withLock { fd in
            guard let fd else { throw DaemonError.workerProtocol("worker stdin already closed") }
            try data.withUnsafeBytes { raw in
                var offset = 0
                while offset < raw.count, let base = raw.baseAddress {
                    let written = write(fd, base + offset, raw.count - offset)
                    if written < 0 {
                        if errno == EINTR { continue }
                        throw DaemonError.workerProtocol("write to worker failed: \(String(cString: strerror(errno)))")
                    }
                    offset += written
                }
            }
        }
    }

    /// Closes the worker's stdin (a well-behaved worker exits at end of input).
    package func closeInput() {
        stdinFD.withLock { fd in
            if let open = fd { close(open) }
            fd = nil
        }
    }

    /// Sends `signal` to the worker's whole process group.
    package func kill(_ signal: Int32 = SIGKILL) {
        _ = Glibc.kill(-pid, signal)
    }

    /// Starts `executable` with `arguments`.
    /// - Parameter onLogLine: called on a background thread with each stderr line.
    /// - Throws: ``DaemonError/workerSpawn(_:)``.
    package static func spawn(
        executable: String, arguments: [String] = [], environment: [String: String] = [:],
        onLogLine: @escaping @Sendable (String) -> Void
    ) throws(DaemonError) -> WorkerProcess {
        let stdin = try makePipe(), stdout = try makePipe(), stderr = try makePipe()
        let pid = try launch(
            executable, arguments: arguments, environment: environment,
            stdio: (stdin.read, stdout.write, stderr.write))
        close(stdin.read)
        close(stdout.write)
        close(stderr.write)

        let lastOutput = LastOutput()
        let (stream, continuation) = AsyncStream.makeStream(of: Output.self)
        let outFD = stdout.read, errFD = stderr.read
        Thread.detachNewThread {
            let codec = WorkerLineCodec()
            LineReader(fd: outFD).forEachLine { line in
                lastOutput.instant.withLock { $0 = .now }
                do throws(WorkerProtocolError) {
                    continuation.yield(.reply(try codec.decodeReply(line)))
                } catch {
                    continuation.yield(.invalid(error))
                }
            }
            var status: Int32 = 0
            while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
            continuation.yield(.exited(WaitStatus(status)))
            continuation.finish()
        }
        Thread.detachNewThread {
            LineReader(fd: errFD).forEachLine { line in
                onLogLine(String(decoding: line, as: UTF8.self))
            }
        }
        return WorkerProcess(pid: pid, stdinFD: stdin.write, outputs: stream, lastOutput: lastOutput)
    }

    private static func makePipe() throws(DaemonError) -> (read: Int32, write: Int32) {
        var fds: [Int32] = [0, 0]
        guard pipe(&fds) == 0 else {
            throw DaemonError.workerSpawn("pipe: \(String(cString: strerror(errno)))")
        }
        // Close-on-exec: only the dup2'ed copies (0, 1, 2) reach the worker.
        for fd in fds { _ = fcntl(fd, F_SETFD, FD_CLOEXEC) }
        return (fds[0], fds[1])
    }

    private static func launch(
        _ executable: String, arguments: [String], environment: [String: String],
        stdio: (Int32, Int32, Int32)
    ) throws(DaemonError) -> pid_t {
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_adddup2(&actions, stdio.0, 0)
        posix_spawn_file_actions_adddup2(&actions, stdio.1, 1)
        posix_spawn_file_actions_adddup2(&actions, stdio.2, 2)
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETPGROUP | POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF))
        posix_spawnattr_setpgroup(&attributes, 0)
        var noSignals = sigset_t()
        sigemptyset(&noSignals)
        posix_spawnattr_setsigmask(&attributes, &noSignals)
        var defaults = sigset_t()
        sigemptyset(&defaults)
        for signal in [SIGPIPE, SIGTERM, SIGINT, SIGHUP] { sigaddset(&defaults, signal) }
        posix_spawnattr_setsigdefault(&attributes, &defaults)

        var merged = ProcessInfo.processInfo.environment
        for key in merged.keys where key.hasPrefix("LISTEN_") || key == "NOTIFY_SOCKET" { merged[key] = nil }
        merged.merge(environment) { _, new in new }
        let argv = ([executable] + arguments).map { strdup($0) } + [nil]
        let envp = merged.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer {
            argv.forEach { free($0) }
            envp.forEach { free($0) }
        }
        var pid: pid_t = 0
        let status = posix_spawn(&pid, executable, &actions, &attributes, argv, envp)
        guard status == 0 else {
            for fd in [stdio.0, stdio.1, stdio.2] { close(fd) }
            throw DaemonError.workerSpawn("\(executable): \(String(cString: strerror(status)))")
        }
        return pid
    }
}

#if canImport(Glibc)
import Glibc
#endif
import Foundation

/// Blocking reader that splits a file descriptor's bytes into `\n`-terminated lines; owns and closes the fd.
struct LineReader {
    /// The descriptor read from.
    var fd: Int32
    /// Lines longer than this are cut (the remainder is read as following lines).
    var maxLine = 16 * 1024 * 1024

    /// Calls `body` for each line (without the newline) until end of file, then closes the fd.
    func forEachLine(_ body: (Data) -> Void) {
        defer { close(fd) }
        var pending = Data()
        var chunk = [UInt8](repeating: 0, count: 64 * 1024)
        while true {
            let count = chunk.withUnsafeMutableBytes { read(fd, $0.baseAddress, $0.count) }
            if count < 0 && errno == EINTR { continue }
            if count <= 0 { break }
            pending.append(contentsOf: chunk[0..<count])
            while let newline = pending.firstIndex(of: UInt8(ascii: "\n")) {
                body(Data(pending[pending.startIndex..<newline]))
                pending.removeSubrange(pending.startIndex...newline)
            }
            if pending.count > maxLine {
                body(pending)
                pending.removeAll()
            }
        }
        if !pending.isEmpty { body(pending) }
    }
}

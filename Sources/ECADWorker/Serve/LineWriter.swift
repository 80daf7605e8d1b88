import ECADWorkerProtocol
import Foundation

/// Serializes protocol replies onto stdout, one JSON line each, so heartbeats never interleave with results.
actor LineWriter {
    private let codec = WorkerLineCodec()
    private let handle: FileHandle

    init(handle: FileHandle = .standardOutput) {
        self.handle = handle
    }

    func send(_ reply: WorkerReply) {
        do { handle.write(try codec.encode(reply)) } catch {
            FileHandle.standardError.write(Data("ecad-worker: cannot encode reply: \(error)\n".utf8))
        }
    }
}

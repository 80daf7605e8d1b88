import Foundation
import Synchronization

#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// Plain HTTP(S) GETs of a registry mirror's files, made synchronous for the CLI's commands. Nothing here checks
/// content; ``MirrorClient`` does.
struct MirrorDownloader {
    /// The folder that holds `manifest.json`, without a trailing slash.
    let base: String
    /// Seconds a request may wait for the server.
    var timeout: TimeInterval = 30

    /// The mirror at `url`, which must be an `http` or `https` URL.
    /// - Throws: ``CLIError/usage(_:)`` for another scheme or an unparsable URL.
    init(url: String) throws(CLIError) {
        var trimmed = url
        while trimmed.hasSuffix("/") { trimmed.removeLast() }
        guard let parsed = URL(string: trimmed), ["http", "https"].contains(parsed.scheme?.lowercased() ?? ""),
            parsed.host != nil
        else { throw .usage("\(url) is not an http:// or https:// mirror URL") }
        base = trimmed
    }

    /// The URL of `path` in the mirror.
    func url(_ path: String) -> String { base + "/" + path }

    /// The body of `path`, which must answer 200 within ``timeout`` seconds.
    /// - Throws: ``CLIError/mirror(_:)`` naming the URL when the server cannot be reached or answers otherwise.
    func download(_ path: String) throws(CLIError) -> Data {
        guard let address = URL(string: url(path)) else { throw .mirror("\(url(path)) is not a URL") }
        var request = URLRequest(url: address, timeoutInterval: timeout)
        request.cachePolicy = .reloadIgnoringLocalCacheData
        let outcome = Outcome()
        let session = URLSession(configuration: .ephemeral)
        defer { session.finishTasksAndInvalidate() }
        session.dataTask(with: request) { data, response, error in
            let status = (response as? HTTPURLResponse)?.statusCode
            outcome.finish(data: data, status: status, error: error.map { "\($0.localizedDescription)" })
        }.resume()
        outcome.done.wait()
        let result = outcome.result.withLock { $0 }
        if let error = result.error { throw .mirror("\(url(path)): cannot download (\(error))") }
        guard result.status == 200, let data = result.data else {
            throw .mirror("\(url(path)): the server answered \(result.status.map(String.init) ?? "no status"), not 200")
        }
        return data
    }

    /// One request's result, handed from URLSession's queue to the waiting command.
    private final class Outcome: Sendable {
        struct Result: Sendable { var data: Data?; var status: Int?; var error: String? }
        let result = Mutex(Result())
        let done = DispatchSemaphore(value: 0)

        func finish(data: Data?, status: Int?, error: String?) {
            result.withLock { $0 = Result(data: data, status: status, error: error) }
            done.signal()
        }
    }
}

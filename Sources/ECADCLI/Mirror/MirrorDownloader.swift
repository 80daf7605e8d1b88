import Foundation
import Synchronization

#if canImport(FoundationNetworking)
    import FoundationNetworking
#endif

/// Plain HTTP(S) GETs of a registry mirror's files, made synchronous for the CLI's commands, each stopped as soon
/// as it passes its byte limit. Nothing here checks content; ``MirrorClient`` does.
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

    /// The body of `path`, which must answer 200 within ``timeout`` seconds with at most `limit` bytes (the
    /// transfer stops when it passes the limit).
    /// - Throws: ``CLIError/mirror(_:)`` naming the URL when the server cannot be reached, answers otherwise, or
    ///   sends more than `limit` bytes.
    func download(_ path: String, limit: Int) throws(CLIError) -> Data {
        guard let address = URL(string: url(path)) else { throw .mirror("\(url(path)) is not a URL") }
        var request = URLRequest(url: address, timeoutInterval: timeout)
        request.cachePolicy = .reloadIgnoringLocalCacheData
        let transfer = Transfer(limit: limit)
        let session = URLSession(configuration: .ephemeral, delegate: transfer, delegateQueue: nil)
        defer { session.finishTasksAndInvalidate() }
        session.dataTask(with: request).resume()
        transfer.done.wait()
        let result = transfer.state.withLock { $0 }
        guard !result.overLimit else { throw .mirror("\(url(path)): longer than \(limit) bytes; refused") }
        if let error = result.error { throw .mirror("\(url(path)): cannot download (\(error))") }
        guard result.status == 200 else {
            throw .mirror("\(url(path)): the server answered \(result.status.map(String.init) ?? "no status"), not 200")
        }
        return result.data
    }

    /// One request's bytes and outcome, collected on URLSession's queue for the waiting command. Unchecked
    /// Sendable because NSObject is not Sendable; every mutable field is behind `state`'s mutex.
    private final class Transfer: NSObject, URLSessionDataDelegate, @unchecked Sendable {
        struct State: Sendable {
            var data = Data()
            var status: Int?
            var error: String?
            var overLimit = false
        }
        let limit: Int
        let state = Mutex(State())
        let done = DispatchSemaphore(value: 0)

        init(limit: Int) { self.limit = limit }

        func urlSession(
            _ session: URLSession, dataTask: URLSessionDataTask, didReceive response: URLResponse,
            completionHandler: @escaping @Sendable (URLSession.ResponseDisposition) -> Void
        ) {
            let status = (response as? HTTPURLResponse)?.statusCode
            state.withLock { $0.status = status }
            completionHandler(.allow)
        }

        func urlSession(_ session: URLSession, dataTask: URLSessionDataTask, didReceive data: Data) {
            let over = state.withLock { state in
                state.data.append(data)
                state.overLimit = state.data.count > limit
                return state.overLimit
            }
            if over { dataTask.cancel() }
        }

        func urlSession(_ session: URLSession, task: URLSessionTask, didCompleteWithError error: (any Error)?) {
            state.withLock { state in
                if let error, !state.overLimit { state.error = error.localizedDescription }
            }
            done.signal()
        }
    }
}

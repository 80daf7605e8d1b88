import ECADAPI
import Foundation

/// The registry calls of ``APIClient`` (routes under `/v1/registry`).
struct RegistryClient {
    let api: APIClient

    /// `GET /v1/registry` body.
    struct ListBody: Decodable { var versions: [RegistryEntryView] }

    /// A query string value, percent-encoded (names contain `/` and `@`).
    static func escape(_ value: String) -> String {
        var allowed = CharacterSet.alphanumerics
        allowed.insert(charactersIn: "-._~")
        return value.addingPercentEncoding(withAllowedCharacters: allowed) ?? value
    }

    func get<T: Decodable>(_ path: String, as type: T.Type) throws(CLIError) -> T {
        try decode(try api.http.send("GET", path))
    }

    func post<T: Decodable>(_ path: String, body: [String: String], as type: T.Type) throws(CLIError) -> T {
        try post(path, json: body, as: type)
    }

    func post<T: Decodable>(_ path: String, json body: some Encodable, as type: T.Type) throws(CLIError) -> T {
        let data: Data
        do { data = try APIJSON.makeEncoder().encode(body) } catch { throw CLIError.usage("\(error)") }
        return try decode(try api.http.send("POST", path, body: data))
    }

    private func decode<T: Decodable>(_ response: UnixHTTPClient.Response) throws(CLIError) -> T {
        try api.check(response)
        do {
            return try APIJSON.makeDecoder().decode(T.self, from: response.body)
        } catch {
            throw CLIError.badResponse("\(error)")
        }
    }
}

extension GlobalOptions {
    /// The registry client for the daemon these options name.
    var registry: RegistryClient { RegistryClient(api: client) }
}

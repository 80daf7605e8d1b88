import ECADAPI
import Foundation

/// Typed calls to the daemon's `/v1` API.
struct APIClient {
    let http: UnixHTTPClient

    private func decode<T: Decodable>(_ type: T.Type, _ response: UnixHTTPClient.Response) throws(CLIError) -> T {
        try check(response)
        do {
            return try APIJSON.makeDecoder().decode(T.self, from: response.body)
        } catch {
            throw CLIError.badResponse("\(error)")
        }
    }

    /// Throws ``CLIError/refused(status:body:)`` for a non-2xx answer.
    func check(_ response: UnixHTTPClient.Response) throws(CLIError) {
        guard (200..<300).contains(response.status) else {
            let body = (try? APIJSON.makeDecoder().decode(ErrorBody.self, from: response.body))
                ?? ErrorBody(code: "http_\(response.status)", message: String(decoding: response.body, as: UTF8.self))
            throw CLIError.refused(status: response.status, body: body)
        }
    }

    /// GET `path`, raw body (for `--json`).
    func raw(_ path: String) throws(CLIError) -> Data {
        let response = try http.send("GET", path)
        try check(response)
        return response.body
    }

    func submit(_ request: SubmitJobRequest) throws(CLIError) -> JobView {
        let body: Data
        do { body = try APIJSON.makeEncoder().encode(request) } catch { throw CLIError.usage("\(error)") }
        return try decode(JobView.self, try http.send("POST", "/v1/jobs", body: body))
    }

    func list(query: String) throws(CLIError) -> JobListResponse {
        try decode(JobListResponse.self, try http.send("GET", "/v1/jobs" + query))
    }

    func job(_ id: Int64) throws(CLIError) -> JobView {
        try decode(JobView.self, try http.send("GET", "/v1/jobs/\(id)"))
    }

    func act(_ action: ActionRequest.Action, on id: Int64) throws(CLIError) -> JobView {
        try decode(JobView.self, try http.send("POST", "/v1/jobs/\(id)/\(action.rawValue)", body: Data("{}".utf8)))
    }

    func logs(_ id: Int64) throws(CLIError) -> JobLogResponse {
        try decode(JobLogResponse.self, try http.send("GET", "/v1/jobs/\(id)/logs"))
    }

    /// Follows `/v1/jobs/{id}/events?follow=1`, calling `onPage` for each line until the job ends.
    func follow(_ id: Int64, onPage: (JobEventListResponse, Data) throws(CLIError) -> Void) throws(CLIError) {
        let response = try http.streamLines("/v1/jobs/\(id)/events?follow=1") { (line: Data) throws(CLIError) in
            let page: JobEventListResponse
            do { page = try APIJSON.makeDecoder().decode(JobEventListResponse.self, from: line) } catch {
                throw CLIError.badResponse("\(error)")
            }
            try onPage(page, line)
        }
        try check(response)
    }
}

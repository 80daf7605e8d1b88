import ECADAPI
import Foundation
import HTTPTypes
import Hummingbird
import NIOCore

/// Builds JSON responses with the API's encoder.
enum JSONResponse {
    /// `value` as a JSON body with `status`.
    static func make(_ value: some Encodable, status: HTTPResponse.Status = .ok) throws -> Response {
        var data = try APIJSON.makeEncoder().encode(value)
        data.append(UInt8(ascii: "\n"))
        return Response(
            status: status, headers: [.contentType: "application/json"],
            body: ResponseBody(byteBuffer: ByteBuffer(bytes: data)))
    }

    /// One JSON line (object + `\n`) for streamed answers.
    static func line(_ value: some Encodable) throws -> ByteBuffer {
        var data = try APIJSON.makeEncoder().encode(value)
        data.append(UInt8(ascii: "\n"))
        return ByteBuffer(bytes: data)
    }
}

import Foundation

/// The JSON conventions of the v1 API: sorted keys, ISO-8601 dates in UTC with milliseconds
/// (`2026-11-27T12:00:00.000Z`); decoding also accepts dates without fractional seconds.
public enum APIJSON {
    /// An encoder for API bodies.
    public static func makeEncoder(pretty: Bool = false) -> JSONEncoder {
        let encoder = JSONEncoder()
        encoder.outputFormatting = pretty ? [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes] : [.sortedKeys, .withoutEscapingSlashes]
        encoder.dateEncodingStrategy = .custom { date, encoder in
            var container = encoder.singleValueContainer()
            try container.encode(date.formatted(withFraction))
        }
        return encoder
    }

    /// A decoder for API bodies.
    public static func makeDecoder() -> JSONDecoder {
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .custom { decoder in
            let container = try decoder.singleValueContainer()
            let text = try container.decode(String.self)
            if let date = try? withFraction.parse(text) { return date }
            if let date = try? Date.ISO8601FormatStyle().parse(text) { return date }
            throw DecodingError.dataCorruptedError(
                in: container, debugDescription: "expected an ISO-8601 date, got \"\(text)\"")
        }
        return decoder
    }

    /// Encodes `value` as compact, key-sorted JSON text (how the daemon stores a submitted spec).
    public static func text(of value: some Encodable) throws -> String {
        String(decoding: try makeEncoder().encode(value), as: UTF8.self)
    }

    private static let withFraction = Date.ISO8601FormatStyle(includingFractionalSeconds: true)
}

/// Refuses unknown fields in request bodies: call from `init(from:)` of a request type.
enum StrictDecoding {
    private struct AnyKey: CodingKey {
        let stringValue: String
        var intValue: Int? { nil }
        init(stringValue: String) { self.stringValue = stringValue }
        init?(intValue: Int) { nil }
    }

    /// Throws ``APIError/unknownField(_:)`` for the first key of the decoder's object that `Keys` does not have.
    static func rejectUnknownKeys<Keys: CodingKey & CaseIterable>(_ decoder: any Decoder, known: Keys.Type) throws {
        let container = try decoder.container(keyedBy: AnyKey.self)
        let knownNames = Set(Keys.allCases.map(\.stringValue))
        let prefix = decoder.codingPath.map(\.stringValue).joined(separator: ".")
        for key in container.allKeys.sorted(by: { $0.stringValue < $1.stringValue })
        where !knownNames.contains(key.stringValue) {
            throw APIError.unknownField(prefix.isEmpty ? key.stringValue : prefix + "." + key.stringValue)
        }
    }
}

import Foundation

/// The registry's JSON encoding: sorted keys, no escaped slashes, so equal values give equal bytes.
enum RegistryJSON {
    /// `value` as canonical JSON text; `{}` if encoding fails (it cannot for the plain structs used here).
    static func encode(_ value: some Encodable) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        guard let data = try? encoder.encode(value) else { return "{}" }
        return String(decoding: data, as: UTF8.self)
    }

    /// `value` as pretty canonical JSON bytes with a trailing newline, for bundle files.
    static func file(_ value: some Encodable) throws(StoreError) -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes, .prettyPrinted]
        do {
            return try encoder.encode(value) + Data([0x0A])
        } catch {
            throw .invalidInput(field: "bundle", message: "cannot encode: \(error)")
        }
    }
}

/// Serializes ``JSONValue``s in two fixed styles.
///
/// - `canonical`: no whitespace, object keys sorted by their UTF-8 bytes, strings with only the mandatory
///   escapes (`\"`, `\\`, control characters as `\n`, `\t`, ... or `\u00XX`), numbers as stored. This is
///   the encoding ecad hashes and writes.
/// - `python(indent:)`: the layout of Python's `json.dump(obj, f, indent=4)` (the reference code's
///   files): keys in stored order, `", "`/`": "` separators, non-ASCII escaped as `\uXXXX`.
package enum JSONWriter {
    /// Output style.
    package enum Style: Sendable {
        /// Compact, sorted keys.
        case canonical
        /// Python `json.dump(indent:)` layout, keys in stored order.
        case python(indent: Int)
    }

    /// Encodes `value` as UTF-8 bytes in `style`.
    package static func encode(_ value: JSONValue, style: Style) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(1024)
        write(value, style: style, level: 0, into: &out)
        return out
    }

    /// Encodes `value` as a string in `style`.
    package static func string(_ value: JSONValue, style: Style) -> String {
        String(decoding: encode(value, style: style), as: UTF8.self)
    }

    private static func write(_ value: JSONValue, style: Style, level: Int, into out: inout [UInt8]) {
        switch value {
        case .null: out += Array("null".utf8)
        case .bool(let flag): out += Array((flag ? "true" : "false").utf8)
        case .number(let text): out += Array(text.utf8)
        case .string(let text): writeString(text, asciiOnly: style.isPython, into: &out)
        case .array(let values):
            writeContainer(open: "[", close: "]", count: values.count, style: style, level: level, into: &out) {
                index, out in write(values[index], style: style, level: level + 1, into: &out)
            }
        case .object(let members):
            let ordered = style.isPython ? members : members.sorted { $0.key.utf8.lexicographicallyPrecedes($1.key.utf8) }
            writeContainer(open: "{", close: "}", count: ordered.count, style: style, level: level, into: &out) {
                index, out in
                writeString(ordered[index].key, asciiOnly: style.isPython, into: &out)
                out += Array((style.isPython ? ": " : ":").utf8)
                write(ordered[index].value, style: style, level: level + 1, into: &out)
            }
        }
    }

    private static func writeContainer(
        open: Character, close: Character, count: Int, style: Style, level: Int, into out: inout [UInt8],
        element: (Int, inout [UInt8]) -> Void
    ) {
        out.append(UInt8(ascii: open.unicodeScalars.first ?? "["))
        let closeByte = UInt8(ascii: close.unicodeScalars.first ?? "]")
        guard count > 0 else { out.append(closeByte); return }
        for index in 0..<count {
            if index > 0 { out.append(UInt8(ascii: ",")) }
            if case .python(let indent) = style { newline(indent * (level + 1), into: &out) }
            element(index, &out)
        }
        if case .python(let indent) = style { newline(indent * level, into: &out) }
        out.append(closeByte)
    }

    private static func newline(_ spaces: Int, into out: inout [UInt8]) {
        out.append(0x0A)
        out += Array(repeating: 0x20, count: spaces)
    }

    private static func writeString(_ text: String, asciiOnly: Bool, into out: inout [UInt8]) {
        out.append(UInt8(ascii: "\""))
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += Array("\\\"".utf8)
            case "\\": out += Array("\\\\".utf8)
            case "\n": out += Array("\\n".utf8)
            case "\r": out += Array("\\r".utf8)
            case "\t": out += Array("\\t".utf8)
            case "\u{08}": out += Array("\\b".utf8)
            case "\u{0C}": out += Array("\\f".utf8)
            default:
                if scalar.value < 0x20 || (asciiOnly && scalar.value > 0x7E) {
                    for unit in String(scalar).utf16 { out += Array(hexEscape(unit).utf8) }
                } else {
                    out += Array(String(scalar).utf8)
                }
            }
        }
        out.append(UInt8(ascii: "\""))
    }

    private static func hexEscape(_ unit: UInt16) -> String {
        let hex = String(unit, radix: 16)
        return "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
    }
}

extension JSONWriter.Style {
    fileprivate var isPython: Bool {
        if case .python = self { return true }
        return false
    }
}

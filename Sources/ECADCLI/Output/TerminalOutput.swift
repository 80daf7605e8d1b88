import Foundation

/// The one way the CLI prints text that comes from the daemon or from other users (job names, prompts in log
/// lines, reasons, registry names, error messages): control characters and bidirectional overrides are
/// written as visible escapes, so such text cannot move the cursor, retitle or reprogram the terminal (ESC
/// sequences), or display one name as another (right-to-left overrides).
///
/// Escaped: C0 controls (U+0000–U+001F) except newline and tab, DEL, C1 controls (U+0080–U+009F, which some
/// terminals obey as 8-bit ESC sequences), and the bidi embeddings, overrides and isolates U+202A–U+202E and
/// U+2066–U+2069. Each becomes `\u{XX}` (for example ESC is `\u{1B}`).
enum TerminalOutput {
    /// `text` with the characters above escaped; newline and tab are kept unless `keepingLayout` is false
    /// (table cells, where they would break the columns).
    static func sanitized(_ text: String, keepingLayout: Bool = true) -> String {
        replacing(in: text, keepingLayout: keepingLayout) { "\\u{\(String($0.value, radix: 16, uppercase: true))}" }
    }

    /// Prints `text` (sanitized) and a newline to stdout.
    static func print(_ text: String) {
        Swift.print(sanitized(text))
    }

    /// Writes `text` (sanitized) and a newline to stderr.
    static func printError(_ text: String) {
        FileHandle.standardError.write(Data((sanitized(text) + "\n").utf8))
    }

    /// JSON (UTF-8) with the C1 controls and bidi characters in its strings written as `\uXXXX` escapes: the
    /// same JSON document, safe to show. (JSON already escapes C0 controls inside strings.)
    static func sanitizedJSON(_ data: Data) -> Data {
        let text = String(decoding: data, as: UTF8.self)
        let escaped = replacing(in: text, keepingLayout: true) { scalar in
            let hex = String(scalar.value, radix: 16)
            return "\\u" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex
        }
        return escaped == text ? data : Data(escaped.utf8)
    }

    /// `text` with each scalar that needs an escape replaced by `escape(scalar)`.
    private static func replacing(
        in text: String, keepingLayout: Bool, by escape: (Unicode.Scalar) -> String
    ) -> String {
        guard text.unicodeScalars.contains(where: { needsEscape($0, keepingLayout: keepingLayout) }) else { return text }
        var result = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            if needsEscape(scalar, keepingLayout: keepingLayout) {
                result.append(contentsOf: escape(scalar).unicodeScalars)
            } else {
                result.append(scalar)
            }
        }
        return String(result)
    }

    private static func needsEscape(_ scalar: Unicode.Scalar, keepingLayout: Bool) -> Bool {
        switch scalar.value {
        case 0x0A, 0x09: !keepingLayout
        case 0x00...0x1F, 0x7F...0x9F, 0x202A...0x202E, 0x2066...0x2069: true
        default: false
        }
    }
}

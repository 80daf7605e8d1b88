/// Reads TOML tokens (keys and values) from UTF-8 bytes, tracking the line for error messages.
struct TOMLCursor {
    private let bytes: [UInt8]
    private var position = 0
    /// The current 1-based line.
    private(set) var line = 1

    init(_ text: String) {
        bytes = Array(text.utf8)
    }

    /// Whether every byte has been read.
    var isAtEnd: Bool { position >= bytes.count }

    /// The next byte, not consumed.
    func peek(_ offset: Int = 0) -> UInt8? {
        position + offset < bytes.count ? bytes[position + offset] : nil
    }

    /// Consumes `byte` if it is next.
    mutating func consume(_ byte: UInt8) -> Bool {
        guard peek() == byte else { return false }
        advance()
        return true
    }

    mutating func advance() {
        if peek() == UInt8(ascii: "\n") { line += 1 }
        position += 1
    }

    /// Skips spaces and tabs.
    mutating func skipSpaces() {
        while let byte = peek(), byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\t") { advance() }
    }

    /// Skips spaces and tabs; returns whether that reached the end of the input.
    mutating func skipSpacesToEnd() -> Bool {
        skipSpaces()
        return isAtEnd
    }

    /// Skips a `#` comment up to (not including) the end of the line.
    mutating func skipComment() {
        guard peek() == UInt8(ascii: "#") else { return }
        while let byte = peek(), byte != UInt8(ascii: "\n") { advance() }
    }

    /// Skips whitespace, newlines and comments.
    mutating func skipBlankLinesAndComments() {
        while true {
            skipSpaces()
            skipComment()
            if consume(UInt8(ascii: "\n")) || consume(UInt8(ascii: "\r")) { continue }
            return
        }
    }

    /// After a key/value pair or header: only spaces and a comment may follow before the newline.
    mutating func expectEndOfLine() throws(SpecError) {
        skipSpaces()
        skipComment()
        _ = consume(UInt8(ascii: "\r"))
        if isAtEnd || consume(UInt8(ascii: "\n")) { return }
        throw .syntax(line: line, "unexpected \(describeNext()) after the value; expected the end of the line")
    }

    /// A dotted key: `a`, `a.b`, `"quoted key".c`, with optional spaces around the dots.
    mutating func keyPath() throws(SpecError) -> [String] {
        var keys = [try key()]
        while true {
            skipSpaces()
            guard consume(UInt8(ascii: ".")) else { return keys }
            skipSpaces()
            keys.append(try key())
        }
    }

    private mutating func key() throws(SpecError) -> String {
        switch peek() {
        case UInt8(ascii: "\""): return try basicString()
        case UInt8(ascii: "'"): return try literalString()
        default:
            var key: [UInt8] = []
            while let byte = peek(), Self.isBareKeyByte(byte) {
                key.append(byte)
                advance()
            }
            guard !key.isEmpty else { throw .syntax(line: line, "expected a key, found \(describeNext())") }
            return String(decoding: key, as: UTF8.self)
        }
    }

    static func isBareKeyByte(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "a")...UInt8(ascii: "z"),
            UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "_"), UInt8(ascii: "-"):
            true
        default: false
        }
    }

    /// A human-readable name for the next byte (for errors).
    func describeNext() -> String {
        guard let byte = peek() else { return "the end of the input" }
        if byte == UInt8(ascii: "\n") { return "the end of the line" }
        return "'\(String(decoding: [byte], as: UTF8.self))'"
    }

    /// Reads bytes while `predicate` holds.
    mutating func take(while predicate: (UInt8) -> Bool) -> [UInt8] {
        var taken: [UInt8] = []
        while let byte = peek(), predicate(byte) {
            taken.append(byte)
            advance()
        }
        return taken
    }
}

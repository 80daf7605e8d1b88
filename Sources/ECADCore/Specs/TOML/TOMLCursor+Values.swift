extension TOMLCursor {
    /// Any value: string, number, boolean, array or inline table.
    mutating func value() throws(SpecError) -> SpecValue {
        switch peek() {
        case UInt8(ascii: "\""): return .string(try basicString())
        case UInt8(ascii: "'"): return .string(try literalString())
        case UInt8(ascii: "["): return try array()
        case UInt8(ascii: "{"): return try inlineTable()
        case nil: throw .syntax(line: line, "expected a value, found the end of the input")
        default: return try bareValue()
        }
    }

    /// `"..."` with escapes `\b \t \n \f \r \" \\ \uXXXX \UXXXXXXXX`.
    mutating func basicString() throws(SpecError) -> String {
        let startLine = line
        advance()
        if peek() == UInt8(ascii: "\""), peek(1) == UInt8(ascii: "\"") {
            throw .syntax(line: startLine, "multi-line strings (\"\"\") are not supported")
        }
        var scalars = String.UnicodeScalarView()
        var pending: [UInt8] = []
        while true {
            guard let byte = peek(), byte != UInt8(ascii: "\n") else {
                throw .syntax(line: startLine, "unterminated string")
            }
            advance()
            if byte == UInt8(ascii: "\"") { break }
            guard byte == UInt8(ascii: "\\") else {
                pending.append(byte)
                continue
            }
            scalars.append(contentsOf: String(decoding: pending, as: UTF8.self).unicodeScalars)
            pending = []
            scalars.append(try escape())
        }
        scalars.append(contentsOf: String(decoding: pending, as: UTF8.self).unicodeScalars)
        return String(scalars)
    }

    private mutating func escape() throws(SpecError) -> Unicode.Scalar {
        guard let byte = peek() else { throw .syntax(line: line, "unterminated string") }
        advance()
        switch byte {
        case UInt8(ascii: "b"): return "\u{08}"
        case UInt8(ascii: "t"): return "\t"
        case UInt8(ascii: "n"): return "\n"
        case UInt8(ascii: "f"): return "\u{0C}"
        case UInt8(ascii: "r"): return "\r"
        case UInt8(ascii: "\""): return "\""
        case UInt8(ascii: "\\"): return "\\"
        case UInt8(ascii: "u"), UInt8(ascii: "U"):
            let length = byte == UInt8(ascii: "u") ? 4 : 8
            var digits: [UInt8] = []
            for _ in 0..<length {
                guard let digit = peek() else { break }
                digits.append(digit)
                advance()
            }
            guard digits.count == length,
                let code = UInt32(String(decoding: digits, as: UTF8.self), radix: 16),
                let scalar = Unicode.Scalar(code)
            else {
                throw .syntax(line: line, "invalid unicode escape \\\(String(decoding: [byte] + digits, as: UTF8.self))")
            }
            return scalar
        default:
            throw .syntax(line: line, "invalid escape \\\(String(decoding: [byte], as: UTF8.self)) in a string")
        }
    }

    /// `'...'`: no escapes.
    mutating func literalString() throws(SpecError) -> String {
        let startLine = line
        advance()
        if peek() == UInt8(ascii: "'"), peek(1) == UInt8(ascii: "'") {
            throw .syntax(line: startLine, "multi-line strings (''') are not supported")
        }
        let content = take { $0 != UInt8(ascii: "'") && $0 != UInt8(ascii: "\n") }
        guard consume(UInt8(ascii: "'")) else { throw .syntax(line: startLine, "unterminated string") }
        return String(decoding: content, as: UTF8.self)
    }

    /// `[v, v, ...]`; newlines, comments and a trailing comma are allowed inside.
    private mutating func array() throws(SpecError) -> SpecValue {
        let startLine = line
        advance()
        var items: [SpecValue] = []
        while true {
            skipBlankLinesAndComments()
            if consume(UInt8(ascii: "]")) { return .array(items) }
            guard !isAtEnd else { throw .syntax(line: startLine, "unterminated array") }
            items.append(try value())
            skipBlankLinesAndComments()
            if consume(UInt8(ascii: ",")) { continue }
            guard consume(UInt8(ascii: "]")) else {
                throw .syntax(line: line, "expected ',' or ']' in an array, found \(describeNext())")
            }
            return .array(items)
        }
    }

    /// `{ key = value, a.b = value }`.
    private mutating func inlineTable() throws(SpecError) -> SpecValue {
        let startLine = line
        advance()
        var entries: [String: SpecValue] = [:]
        skipSpaces()
        if consume(UInt8(ascii: "}")) { return .table(entries) }
        while true {
            skipBlankLinesAndComments()
            let keys = try keyPath()
            skipSpaces()
            guard consume(UInt8(ascii: "=")) else {
                throw .syntax(line: line, "expected '=' after the key \(keys.joined(separator: "."))")
            }
            skipSpaces()
            try TOMLTree.insert(try value(), at: keys, in: &entries, sealed: [], line: line)
            skipBlankLinesAndComments()
            if consume(UInt8(ascii: ",")) { continue }
            guard consume(UInt8(ascii: "}")) else {
                throw .syntax(line: isAtEnd ? startLine : line, "expected ',' or '}' in an inline table, found \(describeNext())")
            }
            return .table(entries)
        }
    }

    /// `true`, `false`, an integer or a float.
    private mutating func bareValue() throws(SpecError) -> SpecValue {
        let valueLine = line
        let token = String(decoding: take { Self.isBareKeyByte($0) || $0 == UInt8(ascii: "+") || $0 == UInt8(ascii: ".") || $0 == UInt8(ascii: ":") }, as: UTF8.self)
        if token == "true" { return .bool(true) }
        if token == "false" { return .bool(false) }
        if let number = TOMLNumber.parse(token) { return number }
        if token.isEmpty {
            throw .syntax(line: valueLine, "expected a value, found \(describeNext())")
        }
        throw .syntax(line: valueLine, "'\(token)' is not a value (strings need quotes; dates and times are not supported)")
    }
}

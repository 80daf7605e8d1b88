/// TOML integer and float literals: decimal with `_` between digits, `0x`/`0o`/`0b` integers,
/// fractions, exponents, `inf` and `nan` with optional signs.
enum TOMLNumber {
    /// The value of `token`, or nil when it is not a TOML number.
    static func parse(_ token: String) -> SpecValue? {
        let unsigned = token.first == "+" || token.first == "-" ? String(token.dropFirst()) : token
        let negative = token.first == "-"
        if unsigned == "inf" { return .float(negative ? -.infinity : .infinity) }
        if unsigned == "nan" { return .float(.nan) }
        guard let digits = withoutUnderscores(unsigned) else { return nil }
        for (prefix, radix) in [("0x", 16), ("0o", 8), ("0b", 2)] where digits.hasPrefix(prefix) {
            guard token == unsigned, let value = Int(digits.dropFirst(2), radix: radix) else { return nil }
            return .integer(value)
        }
        if digits.allSatisfy(\.isASCIIDigit) {
            guard !digits.isEmpty, digits == "0" || digits.first != "0", let value = Int(token.first == "-" ? "-" + digits : digits) else {
                return nil
            }
            return .integer(value)
        }
        return parseFloat(digits, negative: negative)
    }

    private static func parseFloat(_ digits: String, negative: Bool) -> SpecValue? {
        // TOML needs digits on both sides of the point and before an exponent.
        let parts = digits.split(separator: "e", maxSplits: 1, omittingEmptySubsequences: false)
            .flatMap { $0.split(separator: "E", maxSplits: 1, omittingEmptySubsequences: false) }
        guard let mantissa = parts.first, !mantissa.isEmpty else { return nil }
        let pieces = mantissa.split(separator: ".", omittingEmptySubsequences: false)
        guard pieces.count <= 2, pieces.allSatisfy({ !$0.isEmpty && $0.allSatisfy(\.isASCIIDigit) }) else { return nil }
        if let integral = pieces.first, integral.count > 1, integral.first == "0" { return nil }
        if parts.count == 2 {
            let exponent = parts[1].first == "+" || parts[1].first == "-" ? parts[1].dropFirst() : parts[1]
            guard !exponent.isEmpty, exponent.allSatisfy(\.isASCIIDigit) else { return nil }
        }
        guard let value = Double(digits) else { return nil }
        return .float(negative ? -value : value)
    }

    /// Removes `_` separators, or nil if one is not between two digits.
    private static func withoutUnderscores(_ text: String) -> String? {
        let characters = Array(text)
        for (index, character) in characters.enumerated() where character == "_" {
            guard index > 0, index < characters.count - 1,
                characters[index - 1].isHexDigit, characters[index + 1].isHexDigit
            else { return nil }
        }
        return String(characters.filter { $0 != "_" })
    }
}

extension Character {
    fileprivate var isASCIIDigit: Bool { isASCII && isNumber }
}

/// Typed readers for one spec value at a dotted path, each with an "expected …, got …" error.
enum SpecRead {
    /// A string.
    static func string(_ value: SpecValue, _ path: String) throws(SpecError) -> String {
        guard case .string(let text) = value else { throw .field(path, "expected a string, got \(value)") }
        return text
    }

    /// A string that is not empty.
    static func nonEmptyString(_ value: SpecValue, _ path: String) throws(SpecError) -> String {
        let text = try string(value, path)
        guard !text.isEmpty else { throw .field(path, "expected a non-empty string, got \"\"") }
        return text
    }

    /// An identifier that names a file or folder the daemon owns (a model id, a prompt set): 1 to 200 ASCII
    /// letters, digits, `-`, `_` and `.`, not starting with `.`, so it cannot leave its folder.
    static func identifier(_ value: SpecValue, _ path: String) throws(SpecError) -> String {
        let text = try nonEmptyString(value, path)
        guard text.first != ".", text.utf8.count <= 200,
            text.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || "-_.".contains($0)) })
        else { throw .field(path, "expected a name of letters, digits, -, _ and . (not starting with .), got \(value)") }
        return text
    }

    /// A boolean.
    static func bool(_ value: SpecValue, _ path: String) throws(SpecError) -> Bool {
        guard case .bool(let flag) = value else { throw .field(path, "expected true or false, got \(value)") }
        return flag
    }

    /// An integer ≥ `minimum`.
    static func integer(_ value: SpecValue, _ path: String, minimum: Int) throws(SpecError) -> Int {
        let expected = switch minimum {
        case 1: "a positive integer"
        case 0: "a non-negative integer"
        default: "an integer ≥ \(minimum)"
        }
        guard case .integer(let number) = value, number >= minimum else {
            throw .field(path, "expected \(expected), got \(value)")
        }
        return number
    }

    /// An integer in `range`; `limit` names the admin-configurable limit that sets its upper bound.
    static func integer(_ value: SpecValue, _ path: String, in range: ClosedRange<Int>, limit: String) throws(SpecError) -> Int {
        let number = try integer(value, path, minimum: range.lowerBound)
        guard number <= range.upperBound else {
            throw .field(path, "at most \(range.upperBound) (limit \(limit)), got \(number)")
        }
        return number
    }

    /// A positive integer.
    static func positive(_ value: SpecValue, _ path: String) throws(SpecError) -> Int {
        try integer(value, path, minimum: 1)
    }

    /// A non-negative integer.
    static func nonNegative(_ value: SpecValue, _ path: String) throws(SpecError) -> Int {
        try integer(value, path, minimum: 0)
    }

    /// A finite number (integers are accepted) within `range`.
    static func number(
        _ value: SpecValue, _ path: String, in range: ClosedRange<Double> = -Double.greatestFiniteMagnitude...Double.greatestFiniteMagnitude
    ) throws(SpecError) -> Double {
        let number: Double
        switch value {
        case .integer(let integer): number = Double(integer)
        case .float(let float): number = float
        default: throw .field(path, "expected a number, got \(value)")
        }
        guard number.isFinite, range.contains(number) else {
            throw .field(path, "expected a number in [\(range.lowerBound), \(range.upperBound)], got \(value)")
        }
        return number
    }

    /// A probability or fraction in [0, 1].
    static func probability(_ value: SpecValue, _ path: String) throws(SpecError) -> Double {
        try number(value, path, in: 0...1)
    }

    /// An array whose items are each read with `item` (their paths are `path[i]`).
    static func array<T>(
        _ value: SpecValue, _ path: String, _ item: (SpecValue, String) throws(SpecError) -> T
    ) throws(SpecError) -> [T] {
        guard case .array(let items) = value else { throw .field(path, "expected an array, got \(value)") }
        var result: [T] = []
        for (index, element) in items.enumerated() {
            result.append(try item(element, "\(path)[\(index)]"))
        }
        return result
    }

    /// An array of non-empty strings.
    static func strings(_ value: SpecValue, _ path: String) throws(SpecError) -> [String] {
        try array(value, path, nonEmptyString)
    }

    /// A string naming one case of `T`.
    static func choice<T: RawRepresentable & CaseIterable & Sendable>(_ value: SpecValue, _ path: String) throws(SpecError) -> T
    where T.RawValue == String {
        let names = T.allCases.map { "\"\($0.rawValue)\"" }.joined(separator: ", ")
        guard case .string(let text) = value, let choice = T(rawValue: text) else {
            throw .field(path, "expected one of \(names), got \(value)")
        }
        return choice
    }

    /// A list of distinct choices.
    static func distinctChoices<T: RawRepresentable & CaseIterable & Hashable & Sendable>(
        _ value: SpecValue, _ path: String
    ) throws(SpecError) -> [T] where T.RawValue == String {
        let choices: [T] = try array(value, path, choice)
        guard Set(choices).count == choices.count else { throw .field(path, "lists an entry twice: \(value)") }
        return choices
    }
}

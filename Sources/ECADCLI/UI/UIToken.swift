/// The secret `ecad ui` prints in its URL: 256 random bits as 64 lower-case hex digits, drawn from the system's
/// cryptographic generator. Whoever presents it (in `?token=` once, then in the cookie) may use the dashboard as
/// the user who started `ecad ui`.
struct UIToken: Sendable {
    /// The hex digits.
    let value: String

    /// A fresh token from `generator` (the system generator outside tests).
    init<Generator: RandomNumberGenerator>(using generator: inout Generator) {
        var hex = ""
        for _ in 0..<4 {
            let word = generator.next()
            let digits = String(word, radix: 16)
            hex += String(repeating: "0", count: 16 - digits.count) + digits
        }
        value = hex
    }

    /// A fresh token from `SystemRandomNumberGenerator`.
    static func random() -> UIToken {
        var generator = SystemRandomNumberGenerator()
        return UIToken(using: &generator)
    }

    /// Whether `candidate` is this token. Takes the same time wherever the first difference is, so that timing
    /// does not reveal how much of a guess was right.
    func matches(_ candidate: some StringProtocol) -> Bool {
        let expected = Array(value.utf8)
        let given = Array(candidate.utf8)
        var difference: UInt8 = expected.count == given.count ? 0 : 1
        for index in expected.indices {
            difference |= expected[index] ^ (index < given.count ? given[index] : 0)
        }
        return difference == 0
    }
}

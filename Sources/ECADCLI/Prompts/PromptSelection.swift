import ECADSearch

/// Turns a set's raw prompts into the lines of a prompt file: cleaned, then the first `limit` or a seeded sample.
///
/// Cleaning: every run of whitespace or control characters (newlines, tabs, NUL, ESC) becomes one space, and
/// ends are trimmed, so each prompt is one line. Empty prompts and prompts starting with `#` (a prompt file's
/// comment mark) are dropped and counted.
struct PromptSelection {
    /// Keep the first N prompts (after cleaning).
    var limit: Int?
    /// Keep N prompts drawn uniformly without replacement, in file order.
    var sample: Int?
    /// Seed of the sample's generator (SplitMix64): the same file, N and seed give the same prompts everywhere.
    var seed: UInt64 = 0

    /// The outcome: the prompts to write and how many were dropped while cleaning.
    struct Outcome: Equatable {
        /// The prompts, one line each.
        var prompts: [String]
        /// Prompts that were empty after cleaning.
        var droppedEmpty = 0
        /// Prompts that started with `#`.
        var droppedComment = 0
    }

    /// Cleans `raw` and selects from it.
    /// - Throws: ``PromptImportError`` when fewer prompts are left than `sample` asks for, or none at all.
    func apply(to raw: [String], name: String) throws(PromptImportError) -> Outcome {
        var result = Outcome(prompts: [])
        for prompt in raw {
            let clean = Self.clean(prompt)
            if clean.isEmpty {
                result.droppedEmpty += 1
            } else if clean.hasPrefix("#") {
                result.droppedComment += 1
            } else {
                result.prompts.append(clean)
            }
        }
        guard !result.prompts.isEmpty else {
            throw PromptImportError("\(name): every prompt is empty or starts with #")
        }
        if let sample {
            guard sample <= result.prompts.count else {
                throw PromptImportError(
                    "--sample \(sample), but \(name) has only \(result.prompts.count) usable prompts")
            }
            result.prompts = Self.sample(result.prompts, count: sample, seed: seed)
        }
        if let limit { result.prompts = Array(result.prompts.prefix(limit)) }
        return result
    }

    /// One line: whitespace and control characters collapsed to single spaces, ends trimmed.
    static func clean(_ prompt: String) -> String {
        var words: [Substring] = []
        var start: String.Index?
        for index in prompt.indices {
            let separator =
                prompt[index].isWhitespace
                || prompt[index].unicodeScalars.contains { $0.properties.generalCategory == .control }
            if separator, let begin = start {
                words.append(prompt[begin..<index])
                start = nil
            } else if !separator, start == nil {
                start = index
            }
        }
        if let start { words.append(prompt[start...]) }
        return words.joined(separator: " ")
    }

    /// `count` elements of `items` chosen by a partial Fisher-Yates shuffle over indices, returned in their
    /// original order. Written out (not `shuffled(using:)`) so the choice cannot change with the Swift version.
    static func sample(_ items: [String], count: Int, seed: UInt64) -> [String] {
        var generator = SplitMix64(seed: seed)
        var indices = Array(items.indices)
        for position in 0..<count {
            let remaining = UInt64(indices.count - position)
            let pick = position + Int(generator.next() % remaining)
            indices.swapAt(position, pick)
        }
        return indices.prefix(count).sorted().map { items[$0] }
    }
}

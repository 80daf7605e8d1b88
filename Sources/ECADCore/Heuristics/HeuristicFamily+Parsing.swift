extension HeuristicFamily {
    /// Parses the compact form `name[:key=value[,key=value...]]` (see ``usage``).
    /// - Throws: ``ECADCoreError`` naming the unknown family or parameter, a missing parameter, or a value
    ///   that is not an integer in range.
    public init(parsing text: String) throws(ECADCoreError) {
        guard text.utf8.count <= 512 else { throw ECADCoreError(.invalidValue, "heuristic: longer than 512 characters") }
        let parts = text.split(separator: ":", maxSplits: 1, omittingEmptySubsequences: false).map(String.init)
        let name = parts[0].trimmingSpaces
        var arguments = try Self.arguments(parts.count > 1 ? parts[1] : "", family: name)
        func take(_ key: String, default fallback: Int? = nil, min: Int = 1) throws(ECADCoreError) -> Int {
            guard let raw = arguments.removeValue(forKey: key) else {
                if let fallback { return fallback }
                throw ECADCoreError(.invalidValue, "heuristic \(name): missing parameter \(key)")
            }
            guard let value = Int(raw), value >= min, value <= 100_000 else {
                throw ECADCoreError(.invalidValue, "heuristic \(name): \(key) must be an integer \(min)...100000, got \(ECADCoreError.quoted(raw))")
            }
            return value
        }
        switch name {
        case "uncached": self = .uncached
        case "fora": self = .fora(every: try take("n"))
        case "tgate": self = .tgate(gateStep: try take("k"), selfAttentionEvery: try take("sa", default: 1), warmup: try take("warmup", default: 2, min: 0))
        case "blocks": self = .blockRange(from: try take("from", min: 0), to: try take("to"), every: try take("n"))
        case "deltadit":
            var boundary: Int?
            if arguments["k"] != nil { boundary = try take("k") }
            self = .deltaDiT(every: try take("n"), blocks: try take("blocks"), boundary: boundary)
        case "evenly":
            var intervals: [ComponentKind: Int] = [:]
            for key in arguments.keys.sorted() { intervals[try ComponentKind.parse(key)] = try take(key) }
            guard !intervals.isEmpty else {
                throw ECADCoreError(.invalidValue, "heuristic evenly: give at least one <component>=<interval>")
            }
            self = .evenly(intervals: intervals)
        default:
            let known = Self.usage.map(\.name).joined(separator: ", ")
            throw ECADCoreError(.unknownName, "unknown heuristic \(ECADCoreError.quoted(name)); known: \(known)")
        }
        if let unknown = arguments.keys.sorted().first {
            throw ECADCoreError(.unknownName, "heuristic \(name): unknown parameter \(ECADCoreError.quoted(unknown))")
        }
    }

    private static func arguments(_ text: String, family: String) throws(ECADCoreError) -> [String: String] {
        var result: [String: String] = [:]
        for item in text.split(separator: ",") {
            let pair = item.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false).map { String($0).trimmingSpaces }
            guard pair.count == 2, !pair[0].isEmpty else {
                throw ECADCoreError(.invalidValue, "heuristic \(family): expected key=value, got \(ECADCoreError.quoted(String(item)))")
            }
            guard result.updateValue(pair[1], forKey: pair[0]) == nil else {
                throw ECADCoreError(.invalidValue, "heuristic \(family): parameter \(pair[0]) given twice")
            }
        }
        return result
    }
}

extension String {
    /// The string without leading and trailing spaces.
    fileprivate var trimmingSpaces: String {
        String(drop { $0 == " " }.reversed().drop { $0 == " " }.reversed())
    }
}

/// Every genome a search has ever asked to be evaluated, by ``GenomeKey``, in the order first seen.
///
/// Used for duplicate elimination: a genome is asked for at most once per search. The order is part
/// of the Codable form so a checkpoint encodes byte-identically; the lookup set is rebuilt on decode.
public struct GenomeArchive: Sendable, Equatable {
    /// Keys in insertion order.
    public private(set) var keys: [GenomeKey] = []
    private var members: Set<GenomeKey> = []

    /// An empty archive.
    public init() {}

    /// Number of archived genomes.
    public var count: Int { keys.count }

    /// Whether `genome` was archived before.
    public func contains(_ genome: Genome) -> Bool {
        members.contains(GenomeKey(genome))
    }

    /// Archives `genome`; returns false (and changes nothing) if it was already there.
    @discardableResult
    public mutating func insert(_ genome: Genome) -> Bool {
        let key = GenomeKey(genome)
        guard members.insert(key).inserted else { return false }
        keys.append(key)
        return true
    }

    /// Equal when the same keys were inserted in the same order.
    public static func == (lhs: GenomeArchive, rhs: GenomeArchive) -> Bool {
        lhs.keys == rhs.keys
    }
}

extension GenomeArchive: Codable {
    /// Decodes the ordered key list; a repeated key is an error.
    public init(from decoder: any Decoder) throws {
        let keys = try decoder.singleValueContainer().decode([GenomeKey].self)
        for key in keys {
            guard members.insert(key).inserted else {
                throw SearchError.invalidGenome("archive lists key \(key) twice")
            }
        }
        self.keys = keys
    }

    /// Encodes the ordered key list.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(keys)
    }
}

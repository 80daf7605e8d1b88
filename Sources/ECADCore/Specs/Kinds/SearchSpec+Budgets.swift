extension SearchSpec {
    /// `[budgets]`: the search stops at the first budget reached.
    public struct Budgets: Sendable, Equatable {
        /// Offspring generations after the initial population; 0 means no generation limit. Default 50.
        public var generations: Int
        /// Evaluated candidates (cache hits excluded). Default nil (no limit).
        public var evaluations: Int?
        /// Wall-clock deadline (`until = "07:00"`). Default nil.
        public var until: Deadline?
        /// Hypervolume stagnation.
        public var stagnation: Stagnation

        init(from fields: inout SpecFields) throws(SpecError) {
            generations = try fields.bounded("generations", default: 50, minimum: 0, limit: \.generations)
            evaluations = try fields.optionalBounded("evaluations", limit: \.evaluations)
            until = try fields.optional("until", Deadline.read)
            stagnation = try fields.section("stagnation") { fields throws(SpecError) in try Stagnation(from: &fields) }
            if generations == 0, evaluations == nil, until == nil, stagnation.generations == nil {
                throw .field(fields.path(of: "generations"), "0 (no limit) needs another budget: evaluations, until or stagnation")
            }
        }
    }

    /// `[budgets.stagnation]`: stop when the front's hypervolume has not improved by more than
    /// `epsilon` for `generations` generations.
    public struct Stagnation: Sendable, Equatable {
        /// Window in generations; nil disables the check. Default nil.
        public var generations: Int?
        /// Smallest improvement that counts. Default 1e-4.
        public var epsilon: Double

        init(from fields: inout SpecFields) throws(SpecError) {
            generations = try fields.optionalBounded("generations", limit: \.generations)
            epsilon = try fields.read("epsilon", default: 1e-4) { value, path throws(SpecError) in
                try SpecRead.number(value, path, in: 0...Double.greatestFiniteMagnitude)
            }
        }
    }
}

import ECADCore

/// What `{ heuristic = "..." }` stands for in an evaluate job: one heuristic (`fora:n=2`), or, when only a
/// family is named, every member of it:
/// - `fora`: n = 2, 3, 4, 5;
/// - `tgate`: gate step k ∈ {10, 15} × self-attention interval sa ∈ {1, 3, 5} (the reference's `gen_tgate`),
///   keeping the gate steps that fit the step count;
/// - `uncached`: the uncached schedule.
/// `evenly`, `blocks` and `deltadit` need parameters.
package enum HeuristicFamilyMembers {
    /// The heuristics `text` names, with their schedules for `steps` steps over `layout`.
    /// - Throws: ``DaemonError/invalidSpec(field:message:)`` naming `field` for an unknown family or parameter, or a
    ///   heuristic that does not fit the model.
    package static func expand(
        _ text: String, steps: Int, layout: BlockLayout, field: String
    ) throws(DaemonError) -> [(HeuristicFamily, Schedule)] {
        let families: [HeuristicFamily]
        do {
            if text.contains(":") {
                families = [try HeuristicFamily(parsing: text)]
            } else {
                families = try members(of: text, steps: steps) ?? [try HeuristicFamily(parsing: text)]
            }
            var result: [(HeuristicFamily, Schedule)] = []
            for family in families {
                result.append((family, try family.schedule(steps: steps, layout: layout)))
            }
            return result
        } catch {
            throw .invalidSpec(field: field, message: "\(error)")
        }
    }

    /// The members of a family named without parameters, nil for a family that needs them.
    private static func members(of family: String, steps: Int) throws(ECADCoreError) -> [HeuristicFamily]? {
        switch family {
        case "uncached": return [.uncached]
        case "fora": return (2...5).map { HeuristicFamily.fora(every: $0) }
        case "tgate":
            let gates = [10, 15].filter { $0 < steps }
            guard !gates.isEmpty else {
                throw ECADCoreError(.invalidValue, "heuristic tgate: the family's gate steps 10 and 15 need more than \(steps) steps; give tgate:k=N")
            }
            return gates.flatMap { gate in [1, 3, 5].map { HeuristicFamily.tgate(gateStep: gate, selfAttentionEvery: $0, warmup: 2) } }
        case "evenly", "blocks", "deltadit":
            throw ECADCoreError(.invalidValue, "heuristic \(family) needs parameters, e.g. \(family):\(usage(family))")
        default: return nil
        }
    }

    private static func usage(_ family: String) -> String {
        HeuristicFamily.usage.first { $0.name == family }?.parameters ?? ""
    }
}

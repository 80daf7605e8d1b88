import ECADSearch

/// ZDT1 / ZDT2 (Zitzler, Deb, Thiele 2000) over a binary encoding: `variables` reals in [0, 1],
/// each `bitsPerVariable` plain binary bits (most significant first).
struct ZDTProblem: BinaryProblem {
    enum Variant: Sendable { case zdt1, zdt2 }

    let variant: Variant
    let variables: Int
    let bitsPerVariable: Int
    let shape: ProblemShape

    init(_ variant: Variant, variables: Int = 30, bitsPerVariable: Int = 8) throws {
        self.variant = variant
        self.variables = variables
        self.bitsPerVariable = bitsPerVariable
        shape = try ProblemShape(genomeLength: variables * bitsPerVariable, objectiveCount: 2)
    }

    func decode(_ genome: Genome) -> [Double] {
        let scale = Double((1 << bitsPerVariable) - 1)
        return (0..<variables).map { variable in
            var value = 0
            for bit in 0..<bitsPerVariable {
                value = value << 1 | (genome[variable * bitsPerVariable + bit] ? 1 : 0)
            }
            return Double(value) / scale
        }
    }

    func evaluate(_ genome: Genome) -> Evaluation {
        let x = decode(genome)
        let f1 = x[0]
        let g = 1 + 9 * x.dropFirst().reduce(0, +) / Double(variables - 1)
        let ratio = f1 / g
        let f2 = switch variant {
        case .zdt1: g * (1 - ratio.squareRoot())
        case .zdt2: g * (1 - ratio * ratio)
        }
        return Evaluation(objectives: [f1, f2])
    }

    /// Hypervolume of the true (continuous) front f2 = 1 − h(f1), f1 ∈ [0, 1], against (r, r) with r ≥ 1:
    /// over f1 ∈ [0, 1] the dominated height is r − 1 + h(f1), and the strip f1 ∈ [1, r] adds (r − 1)·r;
    /// ∫₀¹ h = 2/3 for ZDT1 (h = √f1) and 1/3 for ZDT2 (h = f1²).
    func trueHypervolume(reference r: Double) -> Double {
        let integralOfH = variant == .zdt1 ? 2.0 / 3.0 : 1.0 / 3.0
        return (r - 1) + integralOfH + (r - 1) * r
    }
}

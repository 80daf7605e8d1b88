import ECADSearch
import Testing

struct ZDTTests {
    /// Runs NSGA-II (population 100, uniform crossover, 200 generations: 20,100 evaluations, seed 7) on
    /// ZDT1/ZDT2 with 30 variables of 8 bits and compares the final front's hypervolume against
    /// (1.1, 1.1) with the true front's: ZDT1 0.8766…, ZDT2 0.5433….
    @Test(arguments: [(ZDTProblem.Variant.zdt1, 0.876_666_666_7), (.zdt2, 0.543_333_333_3)])
    func reachesWithinTwoPercentOfTheTrueFront(variant: ZDTProblem.Variant, analytic: Double) throws {
        let problem = try ZDTProblem(variant)
        let truth = problem.trueHypervolume(reference: 1.1)
        #expect(abs(truth - analytic) < 1e-9)
        let configuration = try NSGA2Configuration(
            populationSize: 100,
            crossover: Crossover(kind: .uniform, probability: 0.9)
        )
        var state = NSGA2State(shape: problem.shape, configuration: configuration, seed: 7)
        try state.initialize(seeds: [])
        while state.generation < 200 {
            try state.step(problem)
        }
        let reached = try Hypervolume.twoDimensional(front: state.front, reference: (1.1, 1.1))
        print("\(variant) hypervolume \(reached) of \(truth): \(reached / truth)")
        #expect(reached >= 0.98 * truth)
        #expect(reached <= truth)
    }
}

import ECADCore
import Testing

/// Every numeric and list field is held to a limit while the spec is decoded, so a hostile spec is refused
/// before anything it sizes is allocated.
struct SpecLimitsTests {
    /// The field a spec (TOML) is refused for, under `limits`.
    private func refusedField(_ text: String, limits: SpecLimits = SpecLimits()) -> String? {
        do {
            _ = try JobSpec.load(text, limits: limits)
            return nil
        } catch {
            #expect(error.message.contains("limit"), "\(error)")
            return error.field
        }
    }

    static let hostile: [(spec: String, field: String)] = [
        ("kind = \"generate\"\nimages_per_prompt = 1_000_000_000", "generate.images_per_prompt"),
        ("kind = \"search\"\npopulation = 10_000_000", "search.population"),
        ("kind = \"generate\"\nsampler = { steps = 100_000_000 }", "generate.sampler.steps"),
        ("kind = \"generate\"\noutput = { columns = 1_000_000_000 }", "generate.output.columns"),
        ("kind = \"evaluate\"\nfront = 1\nlatency_repeats = 1_000_000_000", "evaluate.latency_repeats"),
        ("kind = \"search\"\nimages_per_prompt = 100_000", "search.images_per_prompt"),
        ("kind = \"search\"\nprompt_limit = 1_000_000_000", "search.prompt_limit"),
        ("kind = \"search\"\nbudgets = { generations = 1_000_000_000 }", "search.budgets.generations"),
        ("kind = \"search\"\nbudgets = { evaluations = 1_000_000_000 }", "search.budgets.evaluations"),
        ("kind = \"search\"\nbudgets.stagnation = { generations = 1_000_000_000 }", "search.budgets.stagnation.generations"),
        ("kind = \"search\"\noperators = { points = 1_000_000_000 }", "search.operators.points"),
        ("kind = \"search\"\ninit = { random = 1_000_000_000 }", "search.init.random"),
        ("kind = \"search\"\nmulti_fidelity = { subset_prompts = 1_000_000_000 }", "search.multi_fidelity.subset_prompts"),
    ]

    @Test("a hostile number is refused naming its field", arguments: hostile)
    func hostileNumbers(spec: String, field: String) {
        #expect(refusedField(spec) == field)
    }

    @Test func listsLongerThanTheirLimitAreRefused() {
        var limits = SpecLimits()
        limits.imagesPerPrompt = 3
        limits.schedules = 2
        limits.prompts = 2
        limits.promptBytes = 5
        #expect(refusedField("kind = \"generate\"\nseeds = [1, 2, 3, 4]", limits: limits) == "generate.seeds")
        #expect(refusedField("kind = \"evaluate\"\nschedules = [\"a\", \"b\", \"c\"]", limits: limits) == "evaluate.schedules")
        #expect(refusedField("kind = \"search\"\ninit = { heuristics = [\"fora\", \"fora\", \"fora\"] }", limits: limits) == "search.init.heuristics")
        #expect(refusedField("kind = \"search\"\ninit = { documents = [\"{}\", \"{}\", \"{}\"] }", limits: limits) == "search.init.documents")
        #expect(refusedField("kind = \"generate\"\nprompts = [\"a\", \"b\", \"c\"]", limits: limits) == "generate.prompts")
        #expect(refusedField("kind = \"generate\"\nprompts = [\"a\", \"too long\"]", limits: limits) == "generate.prompts[1]")
        #expect(throws: Never.self) { try JobSpec.load("kind = \"generate\"\nseeds = [1, 2, 3]\nprompts = [\"a\", \"b\"]", limits: limits) }
    }

    @Test func theAdministratorSetsLimitsByKey() throws {
        var limits = SpecLimits()
        try limits.set("population=50")
        try limits.set("work=2_000")
        #expect(limits.population == 50 && limits.work == 2_000)
        #expect(refusedField("kind = \"search\"\npopulation = 51", limits: limits) == "search.population")
        #expect(throws: SpecError.self) { try limits.set("nonsense=1") }
        #expect(throws: SpecError.self) { try limits.set("population=0") }
        #expect(throws: SpecError.self) { try limits.set("population") }
        #expect(SpecLimits.keys.count == 14)
    }

    @Test func workCountsImageStepsAndSaturates() throws {
        let generate = try JobSpec.load("kind = \"generate\"\nimages_per_prompt = 4\nsampler = { steps = 10 }").spec
        #expect(generate.work(promptCount: 3, limits: SpecLimits()) == 3 * 4 * 10)
        let search = try JobSpec.load("kind = \"search\"\npopulation = 10\nbudgets = { generations = 4 }").spec
        #expect(search.work(promptCount: 8, limits: SpecLimits()) == 10 * 5 * 8 * 1 * 20)
        let capped = try JobSpec.load("kind = \"search\"\npopulation = 10\nbudgets = { generations = 4, evaluations = 7 }").spec
        #expect(capped.work(promptCount: 8, limits: SpecLimits()) == 7 * 8 * 20)
        let open = try JobSpec.load("kind = \"search\"\npopulation = 10\nbudgets = { generations = 0, until = \"07:00\" }").spec
        #expect(open.work(promptCount: 1, limits: SpecLimits()) == 10 * (SpecLimits().generations + 1) * 20)
        let evaluate = try JobSpec.load("kind = \"evaluate\"\nschedules = [\"a\", \"b\"]").spec
        #expect(evaluate.work(promptCount: 5, limits: SpecLimits()) == 3 * 5 * 20)
        let huge = try JobSpec.load("kind = \"generate\"\nimages_per_prompt = 64\nsampler = { steps = 1000 }").spec
        #expect(huge.work(promptCount: Int.max / 2, limits: SpecLimits()) == Int.max)
    }

    @Test func modelIdsAndPromptSetNamesCannotLeaveTheirFolder() {
        for name in ["../../../etc/shadow", ".hidden", "a/b"] {
            #expect(throws: SpecError.self) { try JobSpec.load("kind = \"search\"\nprompts = { set = \"\(name)\" }") }
            #expect(throws: SpecError.self) { try JobSpec.load("kind = \"evaluate\"\nfront = 1\nmodel = \"\(name)\"") }
        }
        #expect(throws: Never.self) { try JobSpec.load("kind = \"search\"\nmodel = \"pixart-alpha-256\"\nprompts = { set = \"calibration-v2.1\" }") }
    }
}

import ECADCore
import Foundation
import Testing

struct JobSpecTests {
    private func search(_ text: String, overrides: [String] = []) throws -> SearchSpec {
        let loaded = try JobSpec.load(text, overrides: overrides)
        guard case .search(let spec) = loaded.spec else {
            Issue.record("expected a search spec, got \(loaded.spec.kind)")
            throw SpecError.document("wrong kind")
        }
        return spec
    }

    /// The error `text` (with `overrides`) is refused with.
    private func refusal(_ text: String, overrides: [String] = []) -> SpecError? {
        do {
            _ = try JobSpec.load(text, overrides: overrides)
            return nil
        } catch {
            return error
        }
    }

    @Test func aMinimalSearchGetsEveryDefault() throws {
        let spec = try search("kind = \"search\"")
        #expect(spec.name == nil)
        #expect(spec.setup.model == "shapes32")
        #expect(spec.setup.backend == .native)
        #expect(spec.setup.prompts == .set("calibration"))
        #expect(spec.setup.promptLimit == nil)
        #expect(spec.setup.imagesPerPrompt == 1)
        #expect(spec.setup.seeds == [0])
        #expect(spec.setup.sampler == SamplerSpec(name: "dpm-solver++-2m", steps: 20, guidance: 4.5))
        #expect(spec.population == nil)
        #expect(spec.resolvedPopulation == 24)
        #expect(spec.operators.crossover == .kPoint)
        #expect(spec.operators.points == 4)
        #expect(spec.operators.crossoverProbability == 0.9)
        #expect(spec.operators.mutationProbability == 1)
        #expect(spec.operators.mutationRate == nil)
        #expect(spec.objectives == [.reward, .macs])
        #expect(spec.initialization.heuristics.isEmpty && spec.initialization.random == nil)
        #expect(spec.budgets.generations == 50)
        #expect(spec.budgets.evaluations == nil && spec.budgets.until == nil)
        #expect(spec.budgets.stagnation.generations == nil && spec.budgets.stagnation.epsilon == 1e-4)
        #expect(!spec.multiFidelity.enabled && spec.multiFidelity.subsetPrompts == 16)
        #expect(spec.seed == 0)
        #expect(spec.publish.enabled && spec.publish.name == nil)
    }

    @Test func aFullSearchSpecReadsEveryField() throws {
        let spec = try search(
            """
            kind = "search"
            name = "pixart-overnight"
            model = "pixart-alpha-256"
            backend = "diffusers"
            prompts = { file = "jobs/prompts/image-reward.json" }
            prompt_limit = 100
            images_per_prompt = 2
            seeds = [0, 7]
            sampler = { steps = 20, guidance = 4.5 }
            objectives = ["reward", "macs", "latency"]
            seed = 3

            [operators]
            crossover = "uniform"
            crossover_prob = 1
            mutation_prob = 0.05
            mutation_rate = 0.001

            [init]
            heuristics = ["fora:n=2", "tgate:gate=10", "ccs"]
            registry = ["pixart-alpha-256/fast"]
            files = ["seed.json"]
            random = 10

            [budgets]
            generations = 0
            evaluations = 5000
            until = "07:00"
            stagnation = { generations = 20, epsilon = 0.001 }

            [multi_fidelity]
            enabled = true
            subset_prompts = 25
            promote_fraction = 0.5

            [publish]
            name = "pixart-alpha-256/night"
            """)
        #expect(spec.name == "pixart-overnight")
        #expect(spec.setup.backend == .diffusers)
        #expect(spec.setup.prompts == .file("jobs/prompts/image-reward.json"))
        #expect(spec.setup.seeds == [0, 7])
        #expect(spec.resolvedPopulation == 72)
        #expect(spec.operators.crossover == .uniform && spec.operators.crossoverProbability == 1)
        #expect(spec.operators.mutationRate == 0.001)
        #expect(spec.objectives == [.reward, .macs, .latency])
        #expect(spec.initialization.heuristics == ["fora:n=2", "tgate:gate=10", "ccs"])
        #expect(spec.initialization.random == 10)
        #expect(spec.budgets.until == .timeOfDay(hour: 7, minute: 0))
        #expect(spec.budgets.stagnation.generations == 20)
        #expect(spec.multiFidelity.promoteFraction == 0.5)
        #expect(spec.publish.name == "pixart-alpha-256/night")
        #expect(spec.seed == 3)
    }

    @Test func seedsAloneSetTheImageCountAndSchedulesMayBeInline() throws {
        let generate = try JobSpec.load(
            """
            kind = "generate"
            seeds = [3, 4, 5]
            schedule = { document = "{}" }
            """
        ).spec
        guard case .generate(let spec) = generate else { throw SpecError.document("not generate") }
        #expect(spec.setup.imagesPerPrompt == 3 && spec.setup.seeds == [3, 4, 5])
        #expect(spec.schedule == .document("{}"))
        #expect(throws: SpecError.self) { try JobSpec.load("kind = \"generate\"\nimages_per_prompt = 2\nseeds = [1]") }
    }

    @Test func generateAndEvaluateSpecs() throws {
        let generate = try JobSpec.load(
            """
            kind = "generate"
            schedule = "shapes32/default"
            prompts = ["a red circle", "a blue square"]
            output = { columns = 4 }
            """
        ).spec
        guard case .generate(let generateSpec) = generate else { throw SpecError.document("not generate") }
        #expect(generateSpec.schedule == .registry("shapes32/default"))
        #expect(generateSpec.setup.prompts == .inline(["a red circle", "a blue square"]))
        #expect(generateSpec.output.grid && generateSpec.output.columns == 4)

        let evaluate = try JobSpec.load(
            """
            kind = "evaluate"
            name = "table-1"
            schedules = [{ front = "job-12" }, "shapes32/default", { heuristic = "fora" }, { file = "x.json" }]
            metrics = ["reward", "fid"]
            latency_repeats = 3
            """
        ).spec
        guard case .evaluate(let evaluateSpec) = evaluate else { throw SpecError.document("not evaluate") }
        #expect(evaluate.name == "table-1" && evaluate.kind == .evaluate)
        #expect(evaluateSpec.schedules == [.front("job-12"), .registry("shapes32/default"), .heuristic("fora"), .file("x.json")])
        #expect(evaluateSpec.metrics == [.reward, .fid])
        #expect(evaluateSpec.setup.prompts == .set("benchmark"))
        #expect(evaluateSpec.includeBaseline && evaluateSpec.latencyRepeats == 3)
    }

    @Test(arguments: [
        ("kind = \"search\"\npopulaton = 10", "search.populaton", "unknown field"),
        ("kind = \"search\"\n[budgets]\nuntill = \"07:00\"", "search.budgets.untill", "unknown field"),
        ("kind = \"search\"\npopulation = \"ten\"", "search.population", "expected a positive integer, got \"ten\""),
        ("kind = \"search\"\nseed = -1", "search.seed", "expected a non-negative integer, got -1"),
        ("kind = \"search\"\nimages_per_prompt = 1.5", "search.images_per_prompt", "expected a positive integer, got 1.5"),
        ("kind = \"search\"\nbackend = \"cuda\"", "search.backend", "expected one of \"native\", \"diffusers\""),
        ("kind = \"search\"\noperators = { crossover_prob = 2 }", "search.operators.crossover_prob", "expected a number in [0.0, 1.0], got 2"),
        ("kind = \"search\"\nobjectives = [\"reward\"]", "search.objectives", "at least two objectives"),
        ("kind = \"search\"\nobjectives = [\"reward\", \"reward\"]", "search.objectives", "twice"),
        ("kind = \"search\"\ninit = { heuristics = [\"fora:n\"] }", "search.init.heuristics[0]", "family:key=value"),
        ("kind = \"search\"\nbudgets = { until = \"7am\" }", "search.budgets.until", "HH:MM"),
        ("kind = \"search\"\nbudgets = { generations = 0 }", "search.budgets.generations", "needs another budget"),
        ("kind = \"search\"\nimages_per_prompt = 2\nseeds = [1]", "search.seeds", "expected 2 seeds"),
        ("kind = \"search\"\nsampler = 20", "search.sampler", "expected a table"),
        ("kind = \"search\"\nprompts = { set = \"a\", file = \"b\" }", "search.prompts", "expected a list of prompts"),
        ("kind = \"generate\"\nschedule = { front = \"job-1\" }", "generate.schedule.front", "unknown field"),
        ("kind = \"evaluate\"", "evaluate.schedules", "at least one schedule"),
        ("kind = \"evaluate\"\nschedules = [\"a\"]\nmetrics = [\"fid\", \"speed\"]", "evaluate.metrics[1]", "expected one of"),
        ("kind = \"train\"", "kind", "expected one of \"search\", \"generate\", \"evaluate\""),
        ("name = \"x\"", "kind", "missing"),
    ])
    func badFieldsAreNamed(text: String, field: String, fragment: String) {
        let error = refusal(text)
        #expect(error?.field == field, "\(String(describing: error))")
        #expect(error?.message.contains(fragment) == true, "\(String(describing: error))")
    }

    @Test func theErrorReadsAsInTheDesign() {
        let error = refusal("kind = \"search\"", overrides: ["sampler.steps=ten"])
        #expect(error?.description == "search.sampler.steps: expected a positive integer, got \"ten\"")
    }

    @Test func overridesEditTheTreeBeforeDecoding() throws {
        let text = """
            kind = "search"
            population = 10
            [budgets]
            generations = 5
            """
        let overrides = [
            "population=24", "budgets.until=07:30", "budgets.stagnation.generations=8",
            "init.heuristics=[\"fora:n=3\"]", "name=night run", "operators = { crossover = \"uniform\" }",
            "\"seed\"=4",
        ]
        let loaded = try JobSpec.load(text, overrides: overrides)
        guard case .search(let spec) = loaded.spec else { throw SpecError.document("not search") }
        #expect(spec.population == 24)
        #expect(spec.budgets.generations == 5)
        #expect(spec.budgets.until == .timeOfDay(hour: 7, minute: 30))
        #expect(spec.budgets.stagnation.generations == 8)
        #expect(spec.initialization.heuristics == ["fora:n=3"])
        #expect(spec.name == "night run")
        #expect(spec.operators.crossover == .uniform)
        #expect(spec.seed == 4)
        #expect(loaded.value.tableValue?["population"] == .integer(24))
        // The sent tree decodes to the same spec.
        let resent = try SpecValue.parseJSON(JSONEncoder().encode(loaded.value))
        #expect(try JobSpec(resent) == loaded.spec)
    }

    @Test func badOverridesAreRefused() throws {
        #expect(refusal("kind = \"search\"", overrides: ["population"])?.message.contains("key=value") == true)
        #expect(refusal("kind = \"search\"", overrides: ["a..b=1"])?.message.contains("not a key path") == true)
        let intoValue = refusal("kind = \"search\"\nseed = 1", overrides: ["seed.x=1"])
        #expect(intoValue?.field == "seed")
    }

    @Test func jsonSpecsDecodeTheSameWay() throws {
        let json = #"{"kind": "search", "population": 30, "budgets": {"until": "2026-11-28T07:00:00Z"}}"#
        let loaded = try JobSpec.load(json, json: true)
        guard case .search(let spec) = loaded.spec else { throw SpecError.document("not search") }
        #expect(spec.population == 30)
        guard case .instant(let date) = spec.budgets.until else {
            Issue.record("expected an instant")
            return
        }
        #expect(date == Date(timeIntervalSince1970: 1_795_849_200))
    }

    @Test func jsonDecoderDecodesSpecsStrictly() throws {
        let good = Data(#"{"kind": "generate", "schedule": {"file": "s.json"}}"#.utf8)
        let spec = try JSONDecoder().decode(JobSpec.self, from: good)
        #expect(spec.kind == .generate)
        let bad = Data(#"{"kind": "generate", "colour": "red"}"#.utf8)
        #expect(throws: SpecError.field("generate.colour", "unknown field (known fields: backend, images_per_prompt, kind, model, name, output, prompt_limit, prompts, sampler, schedule, seeds, workers)")) {
            try JSONDecoder().decode(JobSpec.self, from: bad)
        }
    }

    @Test func timeOfDayDeadlinesResolveToTheNextOccurrence() throws {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = try #require(TimeZone(identifier: "UTC"))
        let start = Date(timeIntervalSince1970: 1_795_816_800)  // 2026-11-27T22:00:00Z
        let deadline = try #require(Deadline("07:00"))
        #expect(deadline.resolved(after: start, calendar: calendar) == Date(timeIntervalSince1970: 1_795_849_200))
        #expect(Deadline("24:00") == nil)
        #expect(Deadline("7:00") == nil)
    }
}

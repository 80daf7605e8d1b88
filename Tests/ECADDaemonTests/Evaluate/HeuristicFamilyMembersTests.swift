@testable import ECADDaemon
import ECADCore
import Testing

struct HeuristicFamilyMembersTests {
    private let layout = ModelConfig.pixartAlpha256.layout

    @Test func aFamilyNameExpandsToEveryMember() throws {
        let fora = try HeuristicFamilyMembers.expand("fora", steps: 20, layout: layout, field: "f")
        #expect(fora.map(\.0.description) == ["fora:n=2", "fora:n=3", "fora:n=4", "fora:n=5"])
        let tgate = try HeuristicFamilyMembers.expand("tgate", steps: 20, layout: layout, field: "f")
        #expect(tgate.count == 6)
        #expect(tgate.first?.0.description == "tgate:k=10,sa=1,warmup=2")
        #expect(try HeuristicFamilyMembers.expand("tgate", steps: 12, layout: layout, field: "f").count == 3)
        #expect(Set(tgate.map(\.1.digest)).count == 6, "distinct schedules")
    }

    @Test func aParameterizedNameIsOneSchedule() throws {
        let one = try HeuristicFamilyMembers.expand("fora:n=2", steps: 20, layout: layout, field: "f")
        #expect(one.count == 1)
        #expect(one[0].1 == (try HeuristicFamily.fora(every: 2).schedule(steps: 20, layout: layout)))
    }

    @Test func familiesThatNeedParametersAndUnknownNamesAreRefused() {
        #expect(throws: DaemonError.invalidSpec(field: "f", message: "heuristic blocks needs parameters, e.g. blocks:from=<first>,to=<end>,n=<interval>")) {
            _ = try HeuristicFamilyMembers.expand("blocks", steps: 20, layout: layout, field: "f")
        }
        #expect(throws: DaemonError.self) { _ = try HeuristicFamilyMembers.expand("tgate", steps: 8, layout: layout, field: "f") }
        #expect(throws: DaemonError.self) { _ = try HeuristicFamilyMembers.expand("nosuch", steps: 20, layout: layout, field: "f") }
    }
}

@testable import ECADDaemon
import Testing

struct MultiFidelityRuleTests {
    @Test func dominatedEstimatesAreNotPromoted() {
        let front = [[-0.9, 0.8], [-0.5, 0.4]]
        let estimates = [[-0.8, 0.9], [-0.95, 0.7], [-0.4, 0.3], [-0.5, 0.5]]
        #expect(MultiFidelityRule.promote(estimates: estimates, front: front, promoteFraction: 1) == [1, 2])
    }

    @Test func theCapKeepsTheBestFirstObjectiveThenTheLowerIndex() {
        let estimates = [[-0.5, 0.5], [-0.7, 0.6], [-0.7, 0.4], [-0.2, 0.1]]
        #expect(MultiFidelityRule.promote(estimates: estimates, front: [], promoteFraction: 0.5) == [1, 2])
        #expect(MultiFidelityRule.promote(estimates: estimates, front: [], promoteFraction: 0.01) == [1])
    }
}

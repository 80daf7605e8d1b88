@testable import ECADDaemon
import ECADAPI
import ECADCore
import Testing

struct SchedulerStatusTests {
    @Test func withoutASearchGenerationTheLineSaysGenDash() {
        #expect(SchedulerStatus(running: 0, pending: 2, generations: []).line == "0 running, 2 pending, gen -")
    }

    @Test func runningSearchesShowTheirGenerationAndBudgetByJobID() throws {
        let status = SchedulerStatus(
            running: 2, pending: 0,
            generations: [.init(job: try JobID(4), done: 3, budget: 12), .init(job: try JobID(9), done: 7, budget: nil)])
        #expect(status.line == "2 running, 0 pending, gen 3/12 7")
    }

    @Test func aRunningJobTakesItsGenerationFromTheSearchProgressItReports() throws {
        let jobs = RunningJobs()
        let search = RunningJob(id: try JobID(5)), generate = RunningJob(id: try JobID(2))
        jobs.insert(search)
        jobs.insert(generate)
        #expect(jobs.generations.isEmpty)
        generate.setProgress(try APIJSON.text(of: JobProgressView(imagesDone: 3, imagesTotal: 8)))
        search.setProgress(try APIJSON.text(of: JobProgressView(generation: 2, generations: 10)))
        #expect(jobs.generations == [.init(job: try JobID(5), done: 2, budget: 10)])
        #expect(search.takeProgress()?.contains("\"generation\":2") == true)
        jobs.remove(search)
        #expect(jobs.generations.isEmpty)
    }

    @Test func removingAnOldRunKeepsTheNewRunOfTheSameJob() throws {
        let jobs = RunningJobs()
        let old = RunningJob(id: try JobID(3)), new = RunningJob(id: try JobID(3))
        jobs.insert(old)
        jobs.insert(new)  // requeued through the API and claimed again while the old run was settling
        jobs.remove(old)
        #expect(jobs.ids == [try JobID(3)])
        jobs.remove(new)
        #expect(jobs.ids.isEmpty)
    }
}

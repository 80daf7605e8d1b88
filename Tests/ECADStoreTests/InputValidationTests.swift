import ECADCore
import ECADStore
import Foundation
import Testing

struct InputValidationTests {
    func field(of error: StoreError) -> String? {
        switch error {
        case .invalidInput(let field, _), .inputTooLarge(let field, _, _): field
        default: nil
        }
    }

    func expectRefused(_ field: String, _ body: () async throws -> Void) async {
        do {
            try await body()
            Issue.record("expected \(field) to be refused")
        } catch let error as StoreError {
            #expect(self.field(of: error) == field, "\(error)")
        } catch {
            Issue.record("unexpected error \(error)")
        }
    }

    @Test func specOverOneMiBIsRefusedAndExactlyOneMiBAccepted() async throws {
        let store = try TestStores.inMemory()
        var job = TestStores.newJob()
        job.specJSON = "\"" + String(repeating: "x", count: InputLimits.maxSpecBytes - 2) + "\""
        _ = try await store.jobs.submit(job)
        job.specJSON += " "
        await expectRefused("spec") { _ = try await store.jobs.submit(job) }
        job.specJSON = "  \n"
        await expectRefused("spec") { _ = try await store.jobs.submit(job) }
        #expect(try await store.jobs.list().count == 1)
    }

    @Test(arguments: ["a/b", "..", "a..b", "a\\b", "", ".", "tab\there", String(repeating: "n", count: 201)])
    func badJobNamesAreRefused(name: String) async throws {
        let store = try TestStores.inMemory()
        await expectRefused("name") { _ = try await store.jobs.submit(TestStores.newJob(name: name)) }
        #expect(try await store.jobs.list().isEmpty)
    }

    @Test func goodJobNamesAreAccepted() async throws {
        let store = try TestStores.inMemory()
        for name in ["overnight-search", "pixart 256 fast", "v1.2", "é"] {
            #expect(try await store.jobs.submit(TestStores.newJob(name: name)).name == name)
        }
    }

    @Test func priorityOutsideTheRangeIsRefused() async throws {
        let store = try TestStores.inMemory()
        await expectRefused("priority") { _ = try await store.jobs.submit(TestStores.newJob(priority: 1001)) }
        await expectRefused("priority") { _ = try await store.jobs.submit(TestStores.newJob(priority: -1001)) }
    }

    @Test func registryNamesAllowSegmentsButNoTraversal() throws {
        try InputLimits.validateRegistryName("pixart-alpha-256/fast")
        for bad in ["/abs", "a//b", "a/../b", "trailing/", "a/./b", "a\\b"] {
            #expect(throws: StoreError.self, "\(bad)") { try InputLimits.validateRegistryName(bad) }
        }
    }

    @Test func artifactPathsMustStayInsideTheJobFolder() async throws {
        let store = try TestStores.inMemory()
        let id = try await store.jobs.submit(TestStores.newJob()).id
        for bad in ["/etc/passwd", "../x", "a/../../x", "a//b", "./a", ""] {
            await expectRefused("relativePath") { try await store.artifacts.record(Fixtures.artifact(path: bad), job: id) }
        }
        var artifact = Fixtures.artifact(path: "images/0.png")
        artifact.sha256 = "XYZ"
        await expectRefused("sha256") { try await store.artifacts.record(artifact, job: id) }
        #expect(try await store.artifacts.list(job: id).isEmpty)
    }

    @Test func progressOver64KiBIsRefused() async throws {
        let store = try TestStores.inMemory()
        let id = try await store.jobs.submit(TestStores.newJob()).id
        let big = String(repeating: " ", count: InputLimits.maxProgressBytes + 1)
        await expectRefused("progress") { try await store.jobs.updateProgress(id, json: big) }
    }

    @Test func errorsNameTheProblem() throws {
        #expect(StoreError.inputTooLarge(field: "spec", bytes: 2_000_000, limit: 1_048_576).description
            == "spec is 2000000 bytes, more than the limit of 1048576 bytes")
        #expect(try StoreError.jobNotFound(JobID(7)).description == "no job with id 7")
    }
}

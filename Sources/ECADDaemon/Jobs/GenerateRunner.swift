import ECADAPI

import ECADCore
import ECADStore
import ECADWorkerProtocol
import Foundation

/// Runs `generate` jobs: load the model, ask the worker for the images, record each PNG as an artifact.
package struct GenerateRunner: JobRunner {
    /// Creates the runner.
    package init() {}

    package var kind: JobKind { .generate }

    package func validate(spec: JSONValue) throws {
        _ = try GenerateSpec.parse(spec)
    }

    package func run(_ job: Job, session: WorkerSession, context: JobRunContext) async throws {
        let specValue = try APIJSON.makeDecoder().decode(JSONValue.self, from: Data(job.specJSON.utf8))
        let spec = try GenerateSpec.parse(specValue)
        _ = try await session.call(.load(LoadRequest(model: spec.model, path: spec.modelPath)))

        let directory = context.artifactDirectory
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let total = spec.prompts.count * spec.seeds.count
        context.report(JobProgressView(imagesDone: 0, imagesTotal: total))
        let request = GenerateRequest(
            schedule: spec.schedule, prompts: spec.prompts, seeds: spec.seeds, sampler: spec.sampler,
            artifactDir: directory.path)
        let reply = try await session.call(.generate(request)) { progress in
            context.report(JobProgressView(imagesDone: progress.done, imagesTotal: progress.total))
        }
        guard case .generated(_, let result) = reply else {
            throw DaemonError.workerProtocol("expected a generate result")
        }
        for image in result.images {
            try await record(image, in: directory, context: context, job: job.id)
        }
        context.report(JobProgressView(imagesDone: result.images.count, imagesTotal: total))
    }

    /// Indexes one image, refusing paths outside the job's artifact directory.
    private func record(_ image: GenerateResult.Image, in directory: URL, context: JobRunContext, job: JobID) async throws {
        let root = directory.standardizedFileURL.resolvingSymlinksInPath().path + "/"
        let file = URL(fileURLWithPath: image.path).standardizedFileURL.resolvingSymlinksInPath()
        guard file.path.hasPrefix(root) else {
            throw DaemonError.workerProtocol("image path \(image.path) is outside the artifact directory")
        }
        let data = try Data(contentsOf: file)
        let relative = String(file.path.dropFirst(root.count))
        try await context.store.artifacts.record(
            Artifact(kind: "image", relativePath: relative, sha256: SHA256.hexDigest(data), bytes: Int64(data.count)),
            job: job)
    }
}

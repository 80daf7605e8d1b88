import ECADCore
import ECADStore
import Foundation

/// Finds the schedule a schedule page shows: a registry version by digest or unique prefix, or (with `?job=ID`)
/// a member of a search job's newest population, which need not be in the registry.
struct ScheduleLookup {
    let daemon: DaemonContext

    /// A schedule found, with what the page shows about it.
    struct Found {
        /// The schedule as an ecad document (model, sampler, metrics, provenance).
        var document: ScheduleDocument
        /// Metrics as (name, value) rows.
        var metrics: [(String, String)]
        /// Where it came from, as JSON.
        var provenance: JSONValue
        /// A line saying where it was found.
        var origin: String
    }

    /// The schedule `digest` names, from the registry or from search job `job`.
    /// - Throws: ``StoreError/notFound(what:key:)`` (the route answers 404) when nothing matches.
    func find(digest: String, job: String?) async throws -> Found {
        guard (8...64).contains(digest.count), digest.allSatisfy(\.isHexDigit) else {
            throw StoreError.notFound(what: "schedule", key: String(digest.prefix(80)))
        }
        if let job { return try await member(digest: digest.lowercased(), jobText: job) }
        let version = try await daemon.store.registry.resolve(ref: digest.lowercased())
        let document = try ScheduleFile(bytes: Array(version.scheduleJSON.utf8)).document
        let metrics = try RegistryMetrics(json: version.metricsJSON)
        let rows = [
            ("reward", HTML.number(metrics.reward, digits: 4)), ("MAC fraction", HTML.number(metrics.macsRatio, digits: 4)),
            ("speedup", HTML.number(metrics.speedup, digits: 2) + "×"),
            ("measured speedup", metrics.measuredSpeedup.map { HTML.number($0, digits: 2) + "×" } ?? "–"),
            ("FID", HTML.number(metrics.fid, digits: 3)), ("CLIP", HTML.number(metrics.clip, digits: 3)),
        ]
        let provenance = (try? JSONParser.parse(Array(version.provenanceJSON.utf8))) ?? .string(version.provenanceJSON)
        let origin = version.imported == nil
            ? "registry version of model \(version.modelID)" + (version.jobID.map { ", published by job \($0)" } ?? "")
            : "registry version of model \(version.modelID), imported from a bundle"
        return Found(document: document, metrics: rows, provenance: provenance, origin: origin)
    }

    private func member(digest: String, jobText: String) async throws -> Found {
        let notFound = StoreError.notFound(what: "schedule", key: "\(digest.prefix(64)) in job \(jobText.prefix(32))")
        guard let id = try? JobID(parsing: jobText) else { throw notFound }
        let job = try await daemon.store.jobs.job(id)
        guard job.kind == .search, let runner = daemon.runners[.search] as? SearchRunner,
            let data = try await daemon.store.checkpoints.latest(job: id)?.state
        else { throw notFound }
        let checkpoint = try SearchCheckpoint.decode(data)
        let search = try SearchRunner.parse(Data(job.specJSON.utf8), policy: runner.policy)
        let model = try SearchModel(id: search.setup.model, modelsDirectory: runner.modelsDirectory)
        let codec = try ScheduleGenomeCodec(steps: search.setup.sampler.steps, layout: model.config.layout)
        let genomes = checkpoint.state.population.map(\.genome) + checkpoint.state.front.map(\.genome)
        for genome in genomes {
            let schedule = try codec.schedule(from: genome)
            let hex = schedule.digest.hex
            guard hex.hasPrefix(digest), let metrics = checkpoint.metrics[hex] else { continue }
            let values: [(String, Double)] = [
                ("reward", metrics.reward), ("macsRatio", metrics.macFraction), ("latencySeconds", metrics.latencySeconds),
            ]
            let document = try ScheduleDocument(
                model: search.setup.model, schedule: schedule,
                metrics: .object(values.map { (key: $0.0, value: .number(String($0.1))) }),
                provenance: .object([
                    (key: "job", value: .number(String(id.rawValue))),
                    (key: "generation", value: .number(String(checkpoint.state.generation))),
                ]))
            let rows = [
                ("reward", HTML.number(metrics.reward, digits: 4)), ("MAC fraction", HTML.number(metrics.macFraction, digits: 4)),
                ("speedup (MACs)", HTML.number(1 / metrics.macFraction, digits: 2) + "×"),
                ("latency", HTML.number(metrics.latencySeconds, digits: 4) + " s/image"),
                ("full fidelity", metrics.fullFidelity ? "yes" : "no (multi-fidelity subset)"),
            ]
            return Found(
                document: document, metrics: rows, provenance: document.provenance ?? .null,
                origin: "member of search job \(id) (generation \(checkpoint.state.generation))")
        }
        throw notFound
    }
}

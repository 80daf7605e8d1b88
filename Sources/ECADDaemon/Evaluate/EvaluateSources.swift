import ECADCore
import ECADReport
import ECADStore
import Foundation

/// Expands an evaluate spec's schedule sources, in order, into distinct candidates: the uncached baseline (when
/// `include_baseline`), then each source of `schedules` (a front's members, a registry entry or every version
/// under a registry name, a heuristic or a whole family, a schedule file). Equal digests are merged, keeping every
/// source's label.
package struct EvaluateSources {
    /// The spec.
    package let spec: EvaluateSpec
    /// The model (layout, id).
    package let model: SearchModel
    /// The daemon's models directory (for fronts of search jobs).
    package let modelsDirectory: URL?
    /// The policy fronts' search specs are read under.
    package let policy: SpecPolicy

    private var steps: Int { spec.setup.sampler.steps }
    private var layout: BlockLayout { model.config.layout }

    /// Checks what can be checked without the store: heuristic names and front job ids.
    /// - Throws: ``DaemonError/invalidSpec(field:message:)`` naming the source (`evaluate.schedules[2].heuristic`).
    package func check() throws(DaemonError) {
        for (index, source) in spec.schedules.enumerated() {
            switch source {
            case .heuristic(let text):
                _ = try HeuristicFamilyMembers.expand(text, steps: steps, layout: layout, field: Self.field(index, "heuristic"))
            case .front(let text):
                _ = try FrontJobSchedules.jobID(text, field: Self.field(index, "front"))
            case .registry, .file, .document:
                break
            }
        }
    }

    /// The distinct candidates, baseline first.
    /// - Throws: ``DaemonError/invalidSpec(field:message:)`` naming the source that cannot be read.
    package func candidates(store: Store) async throws -> [EvaluateCandidate] {
        var all: [EvaluateCandidate] = []
        if spec.includeBaseline {
            let uncached = try Self.schedule(field: "evaluate.include_baseline") { () throws(ECADCoreError) in
                try model.config.uncachedSchedule(steps: steps)
            }
            all.append(EvaluateCandidate(schedule: uncached, sources: [EvaluationSource(kind: .uncached, label: "uncached")]))
        }
        for (index, source) in spec.schedules.enumerated() {
            switch source {
            case .front(let job):
                let reader = FrontJobSchedules(
                    field: Self.field(index, "front"), modelID: model.id, steps: steps, modelsDirectory: modelsDirectory,
                    policy: policy)
                all += try await reader.candidates(job, store: store)
            case .heuristic(let text):
                let field = Self.field(index, "heuristic")
                for (family, schedule) in try HeuristicFamilyMembers.expand(text, steps: steps, layout: layout, field: field) {
                    let name = family.description
                    let kind: EvaluationSource.Kind = family == .uncached ? .uncached : .heuristic
                    let source = EvaluationSource(kind: kind, label: name, family: String(name.prefix { $0 != ":" }))
                    all.append(EvaluateCandidate(schedule: schedule, sources: [source]))
                }
            case .registry(let ref):
                all += try await registry(ref, store: store, field: "evaluate.schedules[\(index)]")
            case .file(let path):
                let field = Self.field(index, "file")
                guard let data = FileManager.default.contents(atPath: path) else {
                    throw DaemonError.invalidSpec(field: field, message: "cannot read schedule file \(path)")
                }
                let label = URL(fileURLWithPath: path).lastPathComponent
                let source = EvaluationSource(kind: .file, label: label)
                all.append(EvaluateCandidate(schedule: try schedule(Array(data), field: field), sources: [source]))
            case .document(let text):
                let field = Self.field(index, "document")
                let source = EvaluationSource(kind: .file, label: "inline document")
                all.append(EvaluateCandidate(schedule: try schedule(Array(text.utf8), field: field), sources: [source]))
            }
        }
        return EvaluateCandidate.merged(all)
    }

    /// A registry reference: every version under it when it is a registry name with several versions, else the
    /// one version `Registry.resolve(ref:)` picks.
    private func registry(_ ref: String, store: Store, field: String) async throws -> [EvaluateCandidate] {
        let registry = store.registry
        var versions: [RegistryVersion] = []
        if let digests = try await registry.names()[ref], digests.count > 1 {
            for digest in digests { versions.append(try await registry.version(digest)) }
        } else {
            do {
                versions = [try await registry.resolve(ref: ref)]
            } catch {
                throw DaemonError.invalidSpec(field: field, message: "\(error)")
            }
        }
        return try versions.map { version throws(DaemonError) in
            let label = versions.count > 1 ? "\(ref) \(version.digest.prefix(12))" : ref
            let source = EvaluationSource(kind: .registry, label: label)
            return EvaluateCandidate(schedule: try schedule(Array(version.scheduleJSON.utf8), field: field), sources: [source])
        }
    }

    /// A schedule document's schedule, checked against the model's layout and the sampler's steps.
    private func schedule(_ bytes: [UInt8], field: String) throws(DaemonError) -> Schedule {
        let schedule = try Self.schedule(field: field) { () throws(ECADCoreError) in
            try ScheduleFile(bytes: bytes, model: model.id).document.schedule
        }
        guard schedule.steps == steps, schedule.layout == layout else {
            throw .invalidSpec(
                field: field,
                message: "schedule has \(schedule.steps) steps × \(schedule.blocks) blocks; "
                    + "\(model.id) at \(steps) steps needs \(steps) × \(layout.blockCount)")
        }
        return schedule
    }

    private static func schedule(field: String, _ make: () throws(ECADCoreError) -> Schedule) throws(DaemonError) -> Schedule {
        do {
            return try make()
        } catch {
            throw .invalidSpec(field: field, message: error.message)
        }
    }

    private static func field(_ index: Int, _ key: String) -> String { "evaluate.schedules[\(index)].\(key)" }
}

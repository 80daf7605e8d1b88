import ECADCore
import ECADStore
import Foundation

/// Turns a spec's ``ScheduleSource`` into one schedule of the job's model and step count.
///
/// Registry references resolve as `ecad registry get` does (digest or prefix, `NAME@ALIAS`, alias, name);
/// files are read by the daemon (relative paths against its working directory; the CLI sends absolute ones or
/// inlines the contents as `document`); heuristics are generated for the model's layout. A schedule of another
/// shape is refused with both shapes in the message. Fronts are not single schedules and are refused here.
package struct ScheduleResolver: Sendable {
    /// The daemon's registry.
    package let registry: Registry
    /// Model id the schedules are for.
    package let modelID: String
    /// Denoising steps of the job's sampler.
    package let steps: Int
    /// The model's block layout; nil when the daemon does not know the model (then only the worker checks
    /// the shape, and heuristics cannot be generated).
    package let layout: BlockLayout?

    /// Creates a resolver for one model and step count.
    package init(registry: Registry, modelID: String, steps: Int, layout: BlockLayout?) {
        self.registry = registry
        self.modelID = modelID
        self.steps = steps
        self.layout = layout
    }

    /// The schedule `source` names.
    /// - Throws: ``DaemonError/invalidSpec(field:message:)`` naming `field`.
    package func schedule(_ source: ScheduleSource, field: String) async throws -> Schedule {
        let schedule: Schedule
        switch source {
        case .registry(let ref):
            let version: RegistryVersion
            do { version = try await registry.resolve(ref: ref) } catch {
                throw DaemonError.invalidSpec(field: field, message: "registry: \(error)")
            }
            schedule = try parse(Array(version.scheduleJSON.utf8), what: "registry version \(version.digest.prefix(12))", field: field)
        case .file(let path):
            guard let data = FileManager.default.contents(atPath: path) else {
                throw DaemonError.invalidSpec(field: field, message: "cannot read schedule file \(path)")
            }
            schedule = try parse(Array(data), what: path, field: field)
        case .document(let text):
            schedule = try parse(Array(text.utf8), what: "the inline document", field: field)
        case .heuristic(let name):
            guard let layout else {
                throw DaemonError.invalidSpec(field: field, message: "heuristic \(name) needs the layout of \(modelID), which the daemon does not know")
            }
            do {
                schedule = try HeuristicFamily(parsing: name).schedule(steps: steps, layout: layout)
            } catch {
                throw DaemonError.invalidSpec(field: field, message: "heuristic \(name): \(error)")
            }
        case .front(let job):
            throw DaemonError.invalidSpec(field: field, message: "the front of job \(job) is several schedules; name one member by digest")
        }
        guard let layout else { return schedule }
        guard schedule.steps == steps, schedule.layout == layout else {
            throw DaemonError.invalidSpec(
                field: field,
                message: "schedule has \(schedule.steps) steps × \(schedule.blocks) blocks × \(schedule.components) components; \(modelID) with \(steps) steps needs \(steps) × \(layout.blockCount) × \(layout.componentsPerBlock)")
        }
        return schedule
    }

    private func parse(_ bytes: [UInt8], what: String, field: String) throws(DaemonError) -> Schedule {
        do {
            return try ScheduleFile(bytes: bytes, model: modelID).document.schedule
        } catch {
            throw .invalidSpec(field: field, message: "\(what): \(error.description)")
        }
    }
}

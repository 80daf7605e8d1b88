import ECADCore
import ECADSearch
import ECADStore
import Foundation

/// The initial population's seed genomes from a spec's `[init]`: heuristics, then registry entries,
/// then schedule files (their real paths under a shared root, see ``SpecPolicy``), then inline documents, in the
/// order written (the GA drops duplicates; `init.random` adds random ones).
package enum SearchSeeds {
    /// The seeds, as genomes of `plan`'s codec.
    /// - Throws: ``DaemonError/invalidSpec(field:message:)`` naming the entry (`search.init.files[1]`).
    package static func genomes(for plan: SearchPlan, registry: Registry?) async throws -> [Genome] {
        let initialization = plan.spec.initialization
        let codec = plan.codec
        var genomes: [Genome] = []
        for (index, text) in initialization.heuristics.enumerated() {
            let field = "search.init.heuristics[\(index)]"
            do {
                let schedule = try HeuristicFamily(parsing: text).schedule(steps: codec.steps, layout: codec.layout)
                genomes.append(try codec.genome(from: schedule, field: field))
            } catch let error as DaemonError {
                throw error
            } catch {
                throw DaemonError.invalidSpec(field: field, message: "\(error)")
            }
        }
        for (index, reference) in initialization.registry.enumerated() {
            let field = "search.init.registry[\(index)]"
            guard let registry else { throw DaemonError.invalidSpec(field: field, message: "no registry available") }
            let version: RegistryVersion
            do {
                version = try await registry.resolve(alias: reference)
            } catch {
                do { version = try await registry.version(reference) } catch {
                    throw DaemonError.invalidSpec(field: field, message: "no registry alias or version \"\(reference)\"")
                }
            }
            genomes.append(try genome(Array(version.scheduleJSON.utf8), plan: plan, field: field))
        }
        for (index, path) in initialization.files.enumerated() {
            let field = "search.init.files[\(index)]"
            guard let data = FileManager.default.contents(atPath: path) else {
                throw DaemonError.invalidSpec(field: field, message: "cannot read schedule file \(path)")
            }
            genomes.append(try genome(Array(data), plan: plan, field: field))
        }
        for (index, text) in initialization.documents.enumerated() {
            genomes.append(try genome(Array(text.utf8), plan: plan, field: "search.init.documents[\(index)]"))
        }
        return genomes
    }

    private static func genome(_ bytes: [UInt8], plan: SearchPlan, field: String) throws(DaemonError) -> Genome {
        let file: ScheduleFile
        do {
            file = try ScheduleFile(bytes: bytes, model: plan.model.id)
        } catch {
            throw .invalidSpec(field: field, message: error.description)
        }
        return try plan.codec.genome(from: file.document.schedule, field: field)
    }
}

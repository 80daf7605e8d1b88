import ECADCore

/// What a submitted spec may ask of the daemon: the limits on its fields and the shared roots its paths must
/// lie under. Every spec the runners use passes through ``admit(_:)``, at submit and again when it runs.
package struct SpecPolicy: Sendable {
    /// Limits on numeric and list fields and on a job's total work.
    package var limits: SpecLimits
    /// Where spec paths may point.
    package var roots: SharedRoots

    /// Creates a policy.
    package init(limits: SpecLimits = SpecLimits(), roots: SharedRoots) {
        self.limits = limits
        self.roots = roots
    }

    /// `spec` with every path replaced by its real path under a shared root.
    /// - Throws: ``DaemonError/invalidSpec(field:message:)`` naming the first path outside the roots
    ///   (`spec.prompts.file`, `spec.schedule.file`, `spec.schedules[2].file`, `spec.init.files[0]`).
    package func admit(_ spec: JobSpec) throws(DaemonError) -> JobSpec {
        switch spec {
        case .generate(var generate):
            try confine(&generate.setup)
            if case .file(let path) = generate.schedule {
                generate.schedule = .file(try roots.confine(path, field: "spec.schedule.file"))
            }
            return .generate(generate)
        case .evaluate(var evaluate):
            try confine(&evaluate.setup)
            for (index, source) in evaluate.schedules.enumerated() {
                if case .file(let path) = source {
                    evaluate.schedules[index] = .file(try roots.confine(path, field: "spec.schedules[\(index)].file"))
                }
            }
            return .evaluate(evaluate)
        case .search(var search):
            try confine(&search.setup)
            for (index, path) in search.initialization.files.enumerated() {
                search.initialization.files[index] = try roots.confine(path, field: "spec.init.files[\(index)]")
            }
            return .search(search)
        }
    }

    /// Checks the prompts a job runs on against the limits, and the job's total work.
    /// - Throws: ``DaemonError/invalidSpec(field:message:)`` naming `spec.prompts` or `spec`.
    package func check(_ spec: JobSpec, prompts: [String]) throws(DaemonError) {
        do {
            try limits.check(prompts: prompts, path: "spec.prompts")
        } catch {
            throw .invalidSpec(field: error.field ?? "spec.prompts", message: error.message)
        }
        let work = spec.work(promptCount: prompts.count, limits: limits)
        guard work <= limits.work else {
            throw .invalidSpec(
                field: "spec",
                message: "the job's total work, \(work == Int.max ? "more than \(Int.max)" : String(work)) image-steps (candidates × prompts × images per prompt × steps), is over the limit of \(limits.work) (limit work); lower the population, generations, prompts, images or steps")
        }
    }

    private func confine(_ setup: inout RunSetup) throws(DaemonError) {
        if case .file(let path) = setup.prompts {
            setup.prompts = .file(try roots.confine(path, field: "spec.prompts.file"))
        }
    }
}

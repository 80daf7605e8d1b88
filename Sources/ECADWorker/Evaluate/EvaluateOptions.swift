import ECADWorkerProtocol
import Foundation

/// The optional parts of an `evaluate` request (docs/worker-protocol.md), checked before any sampling so a bad
/// field fails the request at once with a message naming it.
struct EvaluateOptions: Sendable, Equatable {
    /// The most timed repetitions one request may ask for per schedule.
    static let maxLatencyRepeats = 10
    /// The reference-set names `frechetReference` accepts.
    static let frechetReferences = ["prompts"]

    /// Which schedule is the uncached baseline of PSNR and SSIM (in range when set).
    let baselineIndex: Int?
    /// The reference set of the Fréchet distance (one of `frechetReferences` when set).
    let frechetReference: String?
    /// Timed repetitions per schedule, 1...`maxLatencyRepeats`.
    let latencyRepeats: Int
    /// Whether the request asked for repetitions (then each evaluation lists them).
    let reportsRepeats: Bool
    /// The existing absolute directory images go to, standardized.
    let imageDirectory: String?

    /// Checks `request`'s optional fields; throws `WorkerError` naming the first bad one.
    init(_ request: EvaluateRequest) throws {
        if let index = request.baselineIndex, !request.schedules.indices.contains(index) {
            throw WorkerError("baseline_index \(index) is out of range: the request has \(request.schedules.count) schedules")
        }
        if let name = request.frechetReference, !Self.frechetReferences.contains(name) {
            throw WorkerError(
                "frechet_reference \"\(name)\" is not supported; supported: \(Self.frechetReferences.map { "\"\($0)\"" }.joined(separator: ", "))")
        }
        let repeats = request.latencyRepeats ?? 1
        guard (1...Self.maxLatencyRepeats).contains(repeats) else {
            throw WorkerError("latency_repeats must be 1...\(Self.maxLatencyRepeats), got \(repeats)")
        }
        baselineIndex = request.baselineIndex
        frechetReference = request.frechetReference
        latencyRepeats = repeats
        reportsRepeats = request.latencyRepeats != nil
        imageDirectory = try request.imageDirectory.map(Self.checkedDirectory)
    }

    /// Schedule indices in evaluation order: the baseline first (its images are the fidelity reference), then
    /// the others in request order.
    func order(scheduleCount: Int) -> [Int] {
        guard let baseline = baselineIndex else { return Array(0..<scheduleCount) }
        return [baseline] + (0..<scheduleCount).filter { $0 != baseline }
    }

    /// `path` if it is an absolute path without `.` or `..` components naming an existing directory.
    private static func checkedDirectory(_ path: String) throws -> String {
        guard path.hasPrefix("/") else { throw WorkerError("image_directory \"\(path)\" is not an absolute path") }
        let parts = path.split(separator: "/")
        guard !parts.contains("..") && !parts.contains(".") else {
            throw WorkerError("image_directory \"\(path)\" must not contain \".\" or \"..\" components")
        }
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            throw WorkerError("image_directory \"\(path)\" does not exist")
        }
        guard isDirectory.boolValue else { throw WorkerError("image_directory \"\(path)\" is not a directory") }
        return "/" + parts.joined(separator: "/")
    }
}

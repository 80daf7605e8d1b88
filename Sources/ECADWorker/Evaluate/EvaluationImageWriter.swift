import ECADMetrics
import Foundation

/// Writes one schedule's images and their labelled grid under an `evaluate` request's image directory:
/// `s<index>/p<prompt>-s<seed>.png` (prompt index, seed value) and `s<index>/grid.png` (rows = prompts,
/// columns = seeds).
struct EvaluationImageWriter: Sendable {
    /// The paths written for one schedule, relative to `directory`.
    struct Written: Sendable, Equatable {
        /// One PNG per image, prompt-major then seed.
        var images: [String]
        /// The grid PNG.
        var grid: String
    }

    /// The existing absolute directory.
    let directory: String
    /// The request's prompts (row labels of the grid).
    let prompts: [String]
    /// The request's seeds (column labels).
    let seeds: [UInt64]

    /// Writes `images` (prompt-major then seed, `prompts.count * seeds.count` of them) of schedule `index`.
    func write(_ images: [RGBImage], scheduleIndex index: Int) throws -> Written {
        guard images.count == prompts.count * seeds.count else {
            throw WorkerError("\(images.count) images for \(prompts.count) prompts x \(seeds.count) seeds")
        }
        let folder = "s\(index)"
        do {
            try FileManager.default.createDirectory(
                atPath: "\(directory)/\(folder)", withIntermediateDirectories: true)
        } catch {
            throw WorkerError("cannot create \(directory)/\(folder): \(error)")
        }
        var paths: [String] = []
        for (p, seed) in prompts.indices.flatMap({ p in seeds.map { (p, $0) } }) {
            let path = "\(folder)/p\(p)-s\(seed).png"
            try images[paths.count].writePNG(to: "\(directory)/\(path)")
            paths.append(path)
        }
        let grid = "\(folder)/grid.png"
        try gridImage(images).writePNG(to: "\(directory)/\(grid)")
        return Written(images: paths, grid: grid)
    }

    /// The grid: rows = prompts (labelled with the prompt text), columns = seeds (labelled `seed N`), images
    /// upscaled 4x, labels at font scale 1.
    func gridImage(_ images: [RGBImage]) throws -> RGBImage {
        let rows = prompts.indices.map { p in seeds.indices.map { Optional(images[p * seeds.count + $0]) } }
        do {
            return try ImageGrid(
                rows: rows, rowLabels: prompts, columnLabels: seeds.map { "seed \($0)" }, labelScale: 1
            ).render()
        } catch {
            throw WorkerError("image grid: \(error)")
        }
    }
}

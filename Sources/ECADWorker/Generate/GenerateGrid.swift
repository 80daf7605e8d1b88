import ECADMetrics

/// The grid of a `generate` request: rows = prompts (labelled), columns = seeds (labelled), as
/// ``EvaluationImageWriter`` draws them; or, with `columns`, rows of that many images in result order, unlabelled.
struct GenerateGrid: Sendable {
    /// The request's prompts.
    let prompts: [String]
    /// The request's seeds.
    let seeds: [UInt64]
    /// Columns of an unlabelled grid; nil for prompts x seeds.
    let columns: Int?

    /// The grid of `images` (prompt-major then seed).
    func image(_ images: [RGBImage]) throws -> RGBImage {
        guard let columns else {
            return try EvaluationImageWriter(directory: "", prompts: prompts, seeds: seeds).gridImage(images)
        }
        do { return try ImageGrid(images: images, columns: columns).render() } catch {
            throw WorkerError("image grid: \(error)")
        }
    }
}

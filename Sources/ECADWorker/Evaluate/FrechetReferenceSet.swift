import ECADMetrics
import ECADShapes

/// The reference set of the `"prompts"` Fréchet distance: the request's own prompts x seeds as clean renders of
/// the domain renderer, summarized by the Gaussian of their `ImageFeatureExtractor` features.
///
/// Image `(p, seed)` is `ShapesRenderer().render(prompt p, seed: seed)`: the standard 32x32 renderer with 4x4
/// supersampling, whose layout jitter (size and position within the prompt's slot) is drawn from `ShapesRNG(seed:)`
/// seeded with the image seed itself, no noise or degradation (docs/metrics.md, "Reference set").
struct FrechetReferenceSet: Sendable {
    /// The Gaussian of the rendered images' features.
    let statistics: GaussianStatistics
    /// The fixed feature extractor.
    let extractor = ImageFeatureExtractor()

    /// Renders `prompts` x `seeds` (at least 2 images) and fits their Gaussian.
    init(prompts: [String], seeds: [UInt64]) throws {
        let parsed = try prompts.map { text in
            do { return try ShapesPrompt.parse(text) } catch { throw WorkerError("prompt \"\(text)\": \(error)") }
        }
        guard parsed.count * seeds.count >= 2 else {
            throw WorkerError("a Fréchet distance needs at least 2 images (prompts x seeds), got \(parsed.count * seeds.count)")
        }
        let renderer = ShapesRenderer()
        let images = parsed.flatMap { prompt in seeds.map { RGBImage(renderer.render(prompt, seed: $0)) } }
        do { statistics = try GaussianStatistics(features: extractor.features(of: images)) } catch {
            throw WorkerError("Fréchet reference set: \(error)")
        }
    }

    /// The Fréchet distance between `images`' features and the reference set's.
    func distance(to images: [RGBImage]) throws -> Double {
        do {
            return try FrechetDistance.compute(GaussianStatistics(features: extractor.features(of: images)), statistics)
        } catch {
            throw WorkerError("Fréchet distance: \(error)")
        }
    }
}

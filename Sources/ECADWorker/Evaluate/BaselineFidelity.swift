import ECADMetrics

/// PSNR and SSIM of a schedule's images against the baseline's images of the same prompt and seed.
enum BaselineFidelity {
    /// Mean PSNR (dB) and mean SSIM over image pairs `(images[i], baseline[i])`.
    ///
    /// `psnr` is nil when the mean is infinite, i.e. when at least one pair is byte-identical (PSNR is
    /// `+inf` for identical images and JSON has no infinity); the baseline against itself therefore has
    /// `psnr` nil and `ssim` exactly 1.
    static func compare(_ images: [RGBImage], baseline: [RGBImage]) throws -> (psnr: Double?, ssim: Double) {
        guard images.count == baseline.count, !images.isEmpty else {
            throw WorkerError("fidelity needs as many images as the baseline: \(images.count) vs \(baseline.count)")
        }
        var psnrSum = 0.0, ssimSum = 0.0
        do {
            for (image, reference) in zip(images, baseline) {
                psnrSum += try PSNR.compute(image, reference)
                ssimSum += try SSIM.compute(image, reference)
            }
        } catch {
            throw WorkerError("fidelity against the baseline: \(error)")
        }
        let count = Double(images.count)
        let psnr = psnrSum / count
        return (psnr.isFinite ? psnr : nil, ssimSum / count)
    }
}

import ECADMetrics
import Foundation

extension RGBImage {
    /// Writes the image as a PNG file (ECADMetrics' `pngData()`, which uses ECADShapes' encoder).
    public func writePNG(to path: String) throws {
        do { try Data(pngData()).write(to: URL(fileURLWithPath: path)) } catch {
            throw WorkerError("cannot write \(path): \(error)")
        }
    }
}

import ECADShapes
import Foundation

extension RGBImage {
    /// Writes the image as a PNG file through the shapes domain's encoder.
    public func writePNG(to path: String) throws {
        let image = try ShapesImage(width: width, height: height, pixels: pixels)
        do { try image.pngData().write(to: URL(fileURLWithPath: path)) } catch {
            throw WorkerError("cannot write \(path): \(error)")
        }
    }
}

import ECADShapes
import Foundation

/// Conversion to and from ECADShapes' image type, and PNG encoding through ECADShapes' `PNGEncoder` (one PNG
/// writer in the package; this module only decodes).
extension RGBImage {
    /// The same pixels as a renderer image (both are 8-bit RGB, row-major HWC).
    public init(_ image: ShapesImage) {
        self.init(unchecked: image.width, image.height, image.pixels)
    }

    /// The same pixels as an ECADShapes image.
    public func shapesImage() throws -> ShapesImage {
        try ShapesImage(width: width, height: height, pixels: pixels)
    }

    /// The image as PNG file bytes (8-bit RGB, stored deflate blocks), written by ECADShapes' `PNGEncoder`.
    /// Throws only if ECADShapes refuses the buffer, which `RGBImage`'s own checks rule out.
    public func pngData() throws -> [UInt8] {
        Array(try PNGEncoder.encode(pixels: pixels, width: width, height: height, channels: 3))
    }
}

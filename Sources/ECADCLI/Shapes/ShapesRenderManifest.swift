/// `manifest.json` of a rendered set: how to read `images.u8` (or the PNG files) and how it was made.
struct ShapesRenderManifest: Codable, Equatable {
    /// Number of images.
    var count: Int
    /// Base seed; image i was rendered with `ShapesRNG.imageSeed(base: seed, index: i)`.
    var seed: UInt64
    /// Image width.
    var width: Int
    /// Image height.
    var height: Int
    /// Channels per pixel (3, RGB).
    var channels: Int
    /// "raw" (images.u8, `[N, H, W, C]` uint8) or "png" (one file per image).
    var format: String
    /// Memory layout of one image: "HWC".
    var layout: String
    /// `ShapesPrompt.grammarVersion`.
    var grammarVersion: String
    /// Where the prompts came from: "sampler" or the prompt file's path.
    var prompts: String
}

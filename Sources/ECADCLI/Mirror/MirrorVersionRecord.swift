/// The fields of `versions/DIGEST.json` (a bundle's version record) that the CLI reads from a mirror; the daemon
/// reads the whole record on import.
struct MirrorVersionRecord: Decodable {
    /// The version's digest, which must be the file's name.
    var digest: String
    /// The model the schedule is for.
    var modelID: String
    /// The sampler the version was measured with.
    var sampler: String
    /// Denoising steps.
    var steps: Int
    /// Image side in pixels.
    var resolution: Int
}

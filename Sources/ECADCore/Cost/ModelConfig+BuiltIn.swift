extension ModelConfig {
    /// Ids of the models built into ECADCore. A model with its own folder can still be read from its diffusers
    /// `config.json` (``pixart(fromDiffusersConfig:id:textTokens:batch:defaultSteps:pixelsPerSample:)``).
    public static let builtInIDs = ["pixart-alpha-256", "pixart-sigma-256", "flux1-dev-256", "shapes32"]

    /// PixArt-α XL-2 at 256 px (`PixArt-alpha/PixArt-XL-2-256x256`), CFG batch 2, 20 steps.
    public static var pixartAlpha256: ModelConfig { builtIn("pixart-alpha-256", .pixart(.xl2At256), batch: 2) }

    /// PixArt-Σ XL-2 at 256 px: the same shapes as α. Its pipeline encodes 300 T5 tokens by default; the
    /// count here uses 120, as the reference MAC counter did, so published figures compare.
    public static var pixartSigma256: ModelConfig { builtIn("pixart-sigma-256", .pixart(.xl2At256), batch: 2) }

    /// FLUX.1-dev at 256 px, batch 1 (guidance-distilled, no CFG batch). The reference counter used batch 2.
    public static var flux1Dev256: ModelConfig { builtIn("flux1-dev-256", .flux(.dev256), batch: 1) }

    /// The embedded `shapes32` model (models/shapes32/), CFG batch 2, 20 steps, 32 px in pixel space: the shapes of
    /// its shipped `transformer/config.json`, built in so schedule tools work offline and from any directory.
    public static var shapes32: ModelConfig { builtIn("shapes32", .pixart(.shapes32), side: 32, batch: 2) }

    /// The built-in model named `id`.
    /// - Throws: ``ECADCoreError`` naming the known ids.
    public static func named(_ id: String) throws(ECADCoreError) -> ModelConfig {
        switch id {
        case "pixart-alpha-256": return pixartAlpha256
        case "pixart-sigma-256": return pixartSigma256
        case "flux1-dev-256": return flux1Dev256
        case "shapes32": return shapes32
        default:
            throw ECADCoreError(
                .unknownName,
                "unknown model \(ECADCoreError.quoted(id)); built in: \(builtInIDs.joined(separator: ", "));"
                    + " others need their config.json"
            )
        }
    }

    private static func builtIn(
        _ id: String, _ architecture: Architecture, side: Int = 256, batch: Int
    ) -> ModelConfig {
        guard let resolution = try? Resolution.square(side),
            let config = try? ModelConfig(id: id, architecture: architecture, resolution: resolution, batch: batch)
        else {
            preconditionFailure("built-in model \(id) is valid")
        }
        return config
    }
}

import ArgumentParser
import ECADCore
import Foundation

/// `--model` and `--model-config`: which model's layout and costs to use.
struct ScheduleModelOptions: ParsableArguments {
    @Option(help: "Model id: pixart-alpha-256, pixart-sigma-256, flux1-dev-256, shapes32 (default: the file's).")
    var model: String?

    @Option(
        name: .customLong("model-config"),
        help: "diffusers config.json of a PixArt-architecture model (default for shapes32: models/shapes32/config.json)."
    )
    var modelConfig: String?

    @Option(name: .customLong("text-tokens"), help: "Text tokens per prompt for a model read from --model-config.")
    var textTokens = 16

    /// The config of model `id`: from `--model-config` when given, built in otherwise; `shapes32` falls back
    /// to `models/shapes32/config.json` under the current directory.
    func resolve(_ id: String) throws -> ModelConfig {
        if let modelConfig {
            return try ModelConfig.pixart(fromDiffusersConfig: try ScheduleIO.read(modelConfig), id: id, textTokens: textTokens)
        }
        if id == "shapes32", FileManager.default.fileExists(atPath: "models/shapes32/config.json") {
            return try ModelConfig.pixart(fromDiffusersConfig: try ScheduleIO.read("models/shapes32/config.json"), textTokens: textTokens)
        }
        return try ModelConfig.named(id)
    }
}

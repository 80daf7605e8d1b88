import ArgumentParser
import ECADCore

/// `--model` and `--model-config`: which model's layout and costs to use.
struct ScheduleModelOptions: ParsableArguments {
    @Option(help: "Model id: \(ModelConfig.builtInIDs.joined(separator: ", ")) (default: the file's).")
    var model: String?

    @Option(
        name: .customLong("model-config"),
        help: "diffusers transformer config.json of another PixArt-architecture model (the built-in ones need none)."
    )
    var modelConfig: String?

    @Option(name: .customLong("text-tokens"), help: "Text tokens per prompt for a model read from --model-config.")
    var textTokens = 16

    /// The config of model `id`: from `--model-config` when given, else built in (shapes32 included, so these
    /// commands need no files and work from any directory).
    func resolve(_ id: String) throws -> ModelConfig {
        if let modelConfig {
            return try ModelConfig.pixart(
                fromDiffusersConfig: try ScheduleIO.read(modelConfig), id: id, textTokens: textTokens)
        }
        return try ModelConfig.named(id)
    }
}

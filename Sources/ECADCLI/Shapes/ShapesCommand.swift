import ArgumentParser

/// `ecad shapes`: offline tools for the embedded shapes32 domain (renderer, vocabulary, prompt sets).
public struct ShapesCommand: ParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "shapes",
        abstract: "Render shapes32 images, export the vocabulary, make prompt sets, score images.",
        subcommands: [
            ShapesRenderCommand.self, ShapesVocabCommand.self, ShapesPromptsCommand.self, ShapesScoreCommand.self,
        ])

    public init() {}
}

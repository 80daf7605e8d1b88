import ArgumentParser
import ECADShapes
import Foundation

/// `ecad shapes vocab`: prints or writes the tokenizer vocabulary as a JSON array (index = token id).
struct ShapesVocabCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "vocab", abstract: "Export the shapes32 vocabulary as a JSON array of strings (index = id).")

    @Option(help: "Write the JSON to this file instead of standard output.")
    var out: String?

    func run() throws {
        let data = try ShapesVocabulary.standard.jsonData()
        if let out {
            try data.write(to: URL(fileURLWithPath: out))
        } else {
            print(String(decoding: data, as: UTF8.self))
        }
    }
}

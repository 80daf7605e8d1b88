import Foundation
import Testing

@testable import ECADCLI

/// `ecad prompts import`: each public format, cleaning, sampling and the errors a wrong file gets.
final class PromptsImportTests {
    private let directory: URL

    init() throws { directory = try ECADProcess.temporaryDirectory() }

    deinit { try? FileManager.default.removeItem(at: directory) }

    /// Writes `text` to a file in the test's directory and returns its path.
    private func fixture(_ name: String, _ text: String) throws -> String {
        let url = directory.appendingPathComponent(name)
        try Data(text.utf8).write(to: url)
        return url.path
    }

    /// Runs `ecad prompts import ARGUMENTS -o out.txt` and returns the prompt lines written (header dropped).
    private func importPrompts(_ arguments: [String]) throws -> [String] {
        let out = directory.appendingPathComponent("out-\(UUID().uuidString).txt")
        var command = try ECADCommand.parseAsRoot(["prompts", "import"] + arguments + ["-o", out.path])
        try command.run()
        let text = try String(contentsOf: out, encoding: .utf8)
        let lines = text.split(separator: "\n").map(String.init)
        #expect(lines.first?.hasPrefix("# ") == true)
        return Array(lines.dropFirst())
    }

    private func failure(_ arguments: [String]) throws -> String {
        let error = try #require(throws: (any Error).self) { _ = try importPrompts(arguments) }
        return "\(error)"
    }

    @Test func partiTSVByColumnAndCategory() throws {
        let good = try fixture(
            "parti.tsv", "Prompt\tCategory\na red bus\tVehicles\na calm   lake\tOutdoor Scenes\n\nan owl\tAnimals\n")
        #expect(try importPrompts(["parti", good]) == ["a red bus", "a calm lake", "an owl"])
        #expect(try importPrompts(["parti", good, "--category", "Animals"]) == ["an owl"])
        let missing = try failure(["parti", good, "--column", "Text"])
        #expect(missing.contains("no column \"Text\"") && missing.contains("\"Prompt\", \"Category\""))
        let none = try failure(["parti", good, "--category", "Food"])
        #expect(none.contains("no prompts of category \"Food\""))
        let short = try fixture("short.tsv", "Prompt\tCategory\r\na red bus\tVehicles\r\nno category here\r\n")
        #expect(try failure(["parti", short, "--category", "Vehicles"]).contains("short.tsv:3: 1 fields"))
    }

    @Test func cocoCaptionsOnePerImage() throws {
        let file = try fixture(
            "captions_val2014.json",
            """
            {"info": {}, "images": [{"id": 1}, {"id": 2}], "annotations": [
              {"image_id": 1, "id": 10, "caption": "A man riding a horse.\\n"},
              {"image_id": 2, "id": 11, "caption": "Two dogs on a couch."},
              {"image_id": 1, "id": 12, "caption": "A rider on a brown horse."}]}
            """)
        #expect(
            try importPrompts(["coco", file]) == [
                "A man riding a horse.", "Two dogs on a couch.", "A rider on a brown horse.",
            ])
        #expect(
            try importPrompts(["coco", file, "--one-per-image"]) == ["A man riding a horse.", "Two dogs on a couch."])
        let wrong = try fixture("instances.json", #"{"images": [], "categories": []}"#)
        #expect(try failure(["coco", wrong]).contains("no \"annotations\" array"))
        let noCaption = try fixture("keypoints.json", #"{"annotations": [{"image_id": 1, "keypoints": []}]}"#)
        #expect(try failure(["coco", noCaption]).contains("annotations[0] has no string \"caption\""))
    }

    @Test func mjhqMetadataInFileOrder() throws {
        let file = try fixture(
            "meta_data.json",
            """
            {"zz01": {"category": "people", "prompt": "portrait of a sailor"},
             "aa02": {"category": "animals", "prompt": "a fox in snow"},
             "mm03": {"category": "people", "prompt": "a chef, smiling"}}
            """)
        #expect(try importPrompts(["mjhq", file]) == ["portrait of a sailor", "a fox in snow", "a chef, smiling"])
        #expect(
            try importPrompts(["mjhq", file, "--category", "people"]) == ["portrait of a sailor", "a chef, smiling"])
        let array = try fixture("list.json", #"["a", "b"]"#)
        #expect(try failure(["mjhq", array]).contains("top level is array, not an object"))
    }

    @Test func imageRewardObjectsOrStrings() throws {
        let file = try fixture(
            "benchmark-prompts.json",
            #"[{"id": "005695-0057", "prompt": "a concept art of a vehicle, cyberpunk"}, {"id": "x", "prompt": "a cute cat"}]"#
        )
        #expect(try importPrompts(["imagereward", file]) == ["a concept art of a vehicle, cyberpunk", "a cute cat"])
        let strings = try fixture("strings.json", #"["one", "two"]"#)
        #expect(try importPrompts(["imagereward", strings, "--limit", "1"]) == ["one"])
        let tsv = try fixture("parti.tsv", "Prompt\tCategory\na red bus\tVehicles\n")
        let notJSON = try failure(["imagereward", tsv])
        #expect(notJSON.contains("is not JSON") && notJSON.contains("imagereward expects"))
    }

    @Test func plainTextCleaningAndDrops() throws {
        let file = try fixture("mine.txt", "# my prompts\nfirst\n\n  second\tone  \nthird\u{1B}[31m red\n")
        #expect(try importPrompts(["text", file]) == ["first", "second one", "third [31m red"])
        let empty = try fixture("empty.txt", "# only a comment\n\n")
        #expect(try failure(["text", empty]).contains("no prompts found"))
    }

    @Test func sampleIsSeededAndKeepsFileOrder() throws {
        let lines = (0..<50).map { "prompt \($0)" }
        let file = try fixture("fifty.txt", lines.joined(separator: "\n"))
        let first = try importPrompts(["text", file, "--sample", "10", "--seed", "7"])
        #expect(first.count == 10)
        #expect(try importPrompts(["text", file, "--sample", "10", "--seed", "7"]) == first)
        #expect(try importPrompts(["text", file, "--sample", "10", "--seed", "8"]) != first)
        #expect(first == first.sorted { lines.firstIndex(of: $0) ?? 0 < lines.firstIndex(of: $1) ?? 0 })
        #expect(Set(first).count == 10)
        // Pinned (computed independently): the choice must not change with the Swift version or platform.
        #expect(first == [7, 13, 20, 32, 34, 35, 37, 40, 41, 49].map { "prompt \($0)" })
        #expect(PromptSelection.sample(lines, count: 3, seed: 0) == ["prompt 30", "prompt 33", "prompt 35"])
        #expect(try importPrompts(["text", file, "--sample", "5", "--limit", "2"]).count == 2)
        #expect(try failure(["text", file, "--sample", "51"]).contains("only 50 usable prompts"))
    }

    @Test func optionsForAnotherFormatAreRefused() throws {
        let file = try fixture("p.txt", "a\n")
        #expect(try failure(["text", file, "--category", "x"]).contains("--category applies to parti and mjhq"))
        #expect(try failure(["text", file, "--one-per-image"]).contains("--one-per-image applies to coco"))
        #expect(try failure(["text", directory.appendingPathComponent("absent.txt").path]).contains("cannot open"))
    }
}

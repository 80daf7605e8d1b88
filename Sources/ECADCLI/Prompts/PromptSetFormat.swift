import ArgumentParser

/// The formats public prompt sets are distributed in, as `ecad prompts import` reads them.
enum PromptSetFormat: String, CaseIterable, ExpressibleByArgument, Sendable {
    /// One prompt per line; blank lines and lines starting with `#` are skipped.
    case text
    /// PartiPrompts' `PartiPrompts.tsv`: tab-separated with a header row; the prompt is the `Prompt` column.
    case parti
    /// COCO captions annotations (`annotations/captions_val2014.json`): `annotations[].caption`.
    case coco
    /// MJHQ-30K's `meta_data.json`: an object of `{"category", "prompt"}` objects keyed by image id.
    case mjhq
    /// ImageReward's `benchmark/benchmark-prompts.json`: an array of `{"id", "prompt"}` objects (or of strings).
    case imagereward

    /// What a file of this format looks like, for error messages.
    var expectation: String {
        switch self {
        case .text: "UTF-8 text, one prompt per line"
        case .parti: "a tab-separated file with a header row naming a prompt column (PartiPrompts.tsv)"
        case .coco:
            "a COCO captions file (captions_*.json) with an \"annotations\" array of {\"image_id\", \"caption\"}"
        case .mjhq: "MJHQ-30K's meta_data.json: an object of {\"category\", \"prompt\"} objects"
        case .imagereward: "a JSON array of {\"prompt\"} objects or of strings (benchmark-prompts.json)"
        }
    }
}

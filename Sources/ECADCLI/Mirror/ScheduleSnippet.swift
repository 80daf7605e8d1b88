import ECADCore
import Foundation

/// The few Python lines that apply a fetched schedule to a user's diffusers pipeline with `ecad_diffusers`
/// (README, "Use a schedule"), printed by `ecad registry get --snippet`.
enum ScheduleSnippet {
    /// The lines (without a final newline) for `document` (digest `digest`), loaded from `source`: a schedule file, `MIRROR#DIGEST`, or a
    /// digest that `ecad_diffusers` resolves through `ecad registry get`.
    static func text(source: String, document: ScheduleDocument, digest: String) -> String {
        """
        # pip install ./workers/diffusers  (ecad_diffusers, from an ecad checkout; no daemon needed)
        import ecad_diffusers
        handle = ecad_diffusers.enable(pipe, \(pythonString(source)))  # \(document.model), sha256:\(digest)
        image = pipe(prompt, num_inference_steps=\(document.schedule.steps)).images[0]  # handle.macs_fraction: the saving
        """
    }

    /// `value` as a Python string literal (a JSON string is one).
    static func pythonString(_ value: String) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = .withoutEscapingSlashes
        guard let data = try? encoder.encode(value) else { return "\"\"" }
        return String(decoding: data, as: UTF8.self)
    }
}

import ECADAPI
import Foundation

/// A one-line progress bar on stderr for jobs with an image count (`[#####.....] 4/8 images  RUNNING`);
/// when stderr is not a terminal it prints a line per change instead.
final class ProgressBar {
    private let interactive = isatty(STDERR_FILENO) == 1
    private var last = ""
    private let width = 30

    /// Shows the job's current state and progress.
    func show(_ job: JobView) {
        var text = job.state.rawValue
        if let done = job.progress?.imagesDone, let total = job.progress?.imagesTotal, total > 0 {
            let filled = min(width, done * width / total)
            text = "[" + String(repeating: "#", count: filled) + String(repeating: ".", count: width - filled)
                + "] \(done)/\(total) images  " + text
        } else {
            let progress = JobFormatting.progress(job)
            if progress != "-" { text += "  " + progress }
        }
        text = TerminalOutput.sanitized(text, keepingLayout: false)
        guard text != last else { return }
        last = text
        write(interactive ? "\r\u{1B}[K" + text : text + "\n")
    }

    /// Ends the line.
    func finish() {
        if interactive, !last.isEmpty { write("\n") }
    }

    private func write(_ text: String) { FileHandle.standardError.write(Data(text.utf8)) }
}

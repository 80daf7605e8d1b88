import ECADCore

/// The cancel / hold / release buttons of a job, for viewers who may act on it, in the states where the action
/// is valid (`app.js` confirms and POSTs `/v1/jobs/N/<action>`; the API decides).
enum JobActionButtons {
    /// The buttons' HTML: empty when `viewer` may not act on a job of `owner` or no action fits `state`.
    static func html(job id: Int64, state: JobState, owner: UInt32, viewer: UIViewer) -> String {
        guard viewer.mayAct(onJobOwnedBy: owner) else { return "" }
        return actions(for: state).map { action in
            "<button type=\"button\" data-action=\"\(action)\" data-job-id=\"\(id)\">\(action)</button>"
        }.joined(separator: " ")
    }

    /// The actions valid in `state`: cancel while PENDING, HELD or RUNNING; hold while PENDING or RUNNING;
    /// release while HELD.
    static func actions(for state: JobState) -> [String] {
        switch state {
        case .pending, .running: ["cancel", "hold"]
        case .held: ["cancel", "release"]
        default: []
        }
    }
}

/// A schedule file as read from disk, in either format, with its format detected.
public struct ScheduleFile: Sendable {
    /// The two on-disk formats.
    public enum Format: String, Sendable, Codable, CaseIterable {
        /// `ecad.schedule/v1` (has a top-level `format` field).
        case ecad
        /// The reference ECAD code's JSON (has a top-level `cache_schedule` object).
        case reference
    }

    /// The format the file was in.
    public let format: Format
    /// The schedule as an ecad document (converted from the reference format if needed).
    public let document: ScheduleDocument
    /// The reference file as read, when ``format`` is `.reference` (kept for byte-exact export).
    public let reference: ReferenceSchedule?

    /// Reads and detects a schedule file.
    /// - Parameter model: the model id to record when converting a reference file (guessed when nil).
    /// - Throws: ``ECADCoreError`` if the bytes are not JSON, neither format, or invalid in their format.
    public init(bytes: some Collection<UInt8>, model: String? = nil) throws(ECADCoreError) {
        let json = try JSONParser.parse(bytes)
        if json["format"] != nil {
            format = .ecad
            document = try ScheduleDocument(json: json)
            reference = nil
        } else if json["cache_schedule"] != nil {
            let file = try ReferenceSchedule(root: json)
            format = .reference
            document = try file.document(model: model)
            reference = file
        } else {
            throw ECADCoreError(
                .invalidDocument,
                "not a schedule file: expected a top-level \"format\" (ecad) or \"cache_schedule\" (reference ECAD) field"
            )
        }
    }

    /// The file's schedule encoded in `format`: canonical ecad JSON plus newline, or the reference layout
    /// (byte-identical to the input when it was an unmodified reference file).
    public func encoded(as target: Format) -> [UInt8] {
        switch target {
        case .ecad: document.fileBytes
        case .reference: (reference ?? ReferenceSchedule(document: document)).jsonBytes
        }
    }
}

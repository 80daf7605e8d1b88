/// The store's limits on what it accepts, checked before anything is written.
public enum InputLimits {
    /// The largest spec accepted, in UTF-8 bytes (16 MiB): `ecad submit` sends prompt files inline, and a
    /// 30,000-prompt benchmark set is about 2 MB.
    public static let maxSpecBytes = 16 << 20
    /// The largest progress snapshot accepted, in UTF-8 bytes (64 KiB).
    public static let maxProgressBytes = 64 << 10
    /// The longest log line kept, in UTF-8 bytes; longer lines are cut (16 KiB).
    public static let maxLogLineBytes = 16 << 10
    /// The longest job, artifact kind or registry name, in UTF-8 bytes.
    public static let maxNameBytes = 200
    /// The accepted per-job priorities.
    public static let priorityRange = -1000...1000

    /// Checks a job name: 1...200 bytes of printable characters, no `/` or `\`, not `.` or `..`, no `..` inside.
    /// - Throws: ``StoreError/invalidInput(field:message:)`` naming `field`.
    public static func validateJobName(_ name: String, field: String = "name") throws(StoreError) {
        try validateSegment(name, field: field)
    }

    /// Checks a registry name or alias such as `pixart-alpha-256/fast`: segments separated by single `/`, each a
    /// valid job name; no leading or trailing `/`.
    /// - Throws: ``StoreError/invalidInput(field:message:)`` naming `field`.
    public static func validateRegistryName(_ name: String, field: String = "name") throws(StoreError) {
        guard name.utf8.count <= maxNameBytes else {
            throw .invalidInput(field: field, message: "longer than \(maxNameBytes) bytes")
        }
        guard !name.isEmpty else { throw .invalidInput(field: field, message: "must not be empty") }
        for segment in name.split(separator: "/", omittingEmptySubsequences: false) {
            guard !segment.isEmpty else {
                throw .invalidInput(field: field, message: "empty path segment in \"\(name)\"")
            }
            try validateSegment(String(segment), field: field)
        }
    }

    /// Checks a path relative to a job's artifact folder: `/`-separated segments, none empty, `.` or `..`.
    /// - Throws: ``StoreError/invalidInput(field:message:)`` naming `field`.
    public static func validateRelativePath(_ path: String, field: String = "path") throws(StoreError) {
        guard !path.hasPrefix("/") else { throw .invalidInput(field: field, message: "must be relative: \"\(path)\"") }
        guard path.utf8.count <= 4096 else { throw .invalidInput(field: field, message: "longer than 4096 bytes") }
        for segment in path.split(separator: "/", omittingEmptySubsequences: false) {
            guard !segment.isEmpty, segment != ".", segment != ".." else {
                throw .invalidInput(field: field, message: "bad path segment in \"\(path)\"")
            }
            try rejectControlCharacters(String(segment), field: field)
        }
    }

    /// Checks that `text` is at most `limit` UTF-8 bytes.
    /// - Throws: ``StoreError/inputTooLarge(field:bytes:limit:)``.
    public static func checkSize(_ text: String, limit: Int, field: String) throws(StoreError) {
        let bytes = text.utf8.count
        guard bytes <= limit else { throw .inputTooLarge(field: field, bytes: bytes, limit: limit) }
    }

    private static func validateSegment(_ name: String, field: String) throws(StoreError) {
        guard !name.isEmpty else { throw .invalidInput(field: field, message: "must not be empty") }
        guard name.utf8.count <= maxNameBytes else {
            throw .invalidInput(field: field, message: "longer than \(maxNameBytes) bytes")
        }
        guard !name.contains("/"), !name.contains("\\") else {
            throw .invalidInput(field: field, message: "must not contain a path separator: \"\(name)\"")
        }
        guard !name.contains("..") else { throw .invalidInput(field: field, message: "must not contain \"..\"") }
        guard name != "." else { throw .invalidInput(field: field, message: "must not be \".\"") }
        try rejectControlCharacters(name, field: field)
    }

    private static func rejectControlCharacters(_ text: String, field: String) throws(StoreError) {
        guard !text.unicodeScalars.contains(where: { $0.properties.generalCategory == .control }) else {
            throw .invalidInput(field: field, message: "must not contain control characters")
        }
    }
}

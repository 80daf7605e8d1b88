import CSystemd
import Foundation
import Logging

/// A swift-log handler that writes structured entries to the systemd journal with `sd_journal_sendv`.
///
/// Metadata keys become upper-case fields with an `ECADD_` prefix (`job.id` → `ECADD_JOB_ID`), so
/// `journalctl -u ecadd ECADD_JOB_ID=42` traces one job. Used when `JOURNAL_STREAM` says stderr is the journal.
package struct JournalLogHandler: LogHandler {
    /// Handler-level metadata.
    package var metadata: Logger.Metadata = [:]
    /// Minimum level logged.
    package var logLevel: Logger.Level = .info
    private let label: String

    /// Creates a handler for `label` (the `SYSLOG_IDENTIFIER`).
    package init(label: String) { self.label = label }

    /// Metadata lookup.
    package subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { metadata[key] }
        set { metadata[key] = newValue }
    }

    /// Whether the journal is where stderr goes (`JOURNAL_STREAM` is set).
    package static var isJournalStream: Bool { ProcessInfo.processInfo.environment["JOURNAL_STREAM"] != nil }

    /// Maps a metadata key to a journal field name: upper-case `[A-Z0-9_]`, prefixed `ECADD_`.
    package static func fieldName(_ key: String) -> String {
        let mapped = key.uppercased().map { $0.isASCII && ($0.isLetter || $0.isNumber) ? $0 : "_" }
        return "ECADD_" + String(mapped)
    }

    /// Syslog priority of a level.
    package static func priority(_ level: Logger.Level) -> Int {
        switch level {
        case .trace, .debug: 7
        case .info: 6
        case .notice: 5
        case .warning: 4
        case .error: 3
        case .critical: 2
        }
    }

    package func log(event: LogEvent) {
        var fields = [
            "MESSAGE=\(event.message)", "PRIORITY=\(Self.priority(event.level))", "SYSLOG_IDENTIFIER=\(label)",
        ]
        let merged = metadata.merging(event.metadata ?? [:]) { _, new in new }
        for (key, value) in merged.sorted(by: { $0.key < $1.key }) {
            fields.append("\(Self.fieldName(key))=\(value)")
        }
        Self.send(fields)
    }

    private static func send(_ fields: [String]) {
        var storage: [UInt8] = []
        var ranges: [(offset: Int, count: Int)] = []
        for field in fields {
            ranges.append((storage.count, field.utf8.count))
            storage.append(contentsOf: field.utf8)
        }
        storage.withUnsafeMutableBytes { raw in
            let vectors = ranges.map { range in
                iovec(iov_base: raw.baseAddress.map { $0 + range.offset }, iov_len: range.count)
            }
            _ = sd_journal_sendv(vectors, Int32(vectors.count))
        }
    }
}

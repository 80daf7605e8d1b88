import ECADReport
import Foundation

/// Text helpers for the dashboard's server-rendered pages: every user-controlled string goes through
/// ``escape(_:)`` before it reaches a page.
enum HTML {
    /// `text` with `& < > " '` replaced by entities, safe in HTML and SVG text and quoted attribute values (the
    /// report writer's escaping).
    static func escape(_ text: String) -> String { SVGText.escape(text) }

    /// `value` with `digits` decimals, or `–` when it is nil or not finite.
    static func number(_ value: Double?, digits: Int = 3) -> String {
        guard let value, value.isFinite else { return "–" }
        let text = String(format: "%.\(max(0, digits))f", value)
        return text.hasPrefix("-") && Double(text) == 0 ? String(text.dropFirst()) : text
    }

    /// A duration as `45s`, `3m05s` or `2h07m`; `–` when nil or negative.
    static func duration(_ seconds: Double?) -> String {
        guard let seconds, seconds.isFinite, seconds >= 0 else { return "–" }
        let total = Int(seconds.rounded())
        if total < 60 { return "\(total)s" }
        if total < 3600 { return "\(total / 60)m" + String(format: "%02ds", total % 60) }
        return "\(total / 3600)h" + String(format: "%02dm", total % 3600 / 60)
    }

    /// A UTC time as `2026-12-06 16:00:23Z`.
    static func time(_ date: Date) -> String { timeStyle.format(date) }

    private static let timeStyle = Date.ISO8601FormatStyle(dateTimeSeparator: .space, timeZone: .gmt)

    /// `text` percent-encoded for a query value.
    static func queryValue(_ text: String) -> String {
        var allowed = CharacterSet.alphanumerics
        allowed.insert(charactersIn: "-._~")
        return text.addingPercentEncoding(withAllowedCharacters: allowed) ?? ""
    }
}

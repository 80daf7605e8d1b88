import Foundation

/// Text helpers shared by the SVG and HTML writers.
package enum SVGText {
    /// `text` with `& < > " '` replaced by entities, safe in XML/HTML text and attribute values.
    package static func escape(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.count)
        for character in text {
            switch character {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            default: out.append(character)
            }
        }
        return out
    }

    /// `value` with `decimals` decimals, without a negative zero.
    static func number(_ value: Double, decimals: Int) -> String {
        let text = String(format: "%.\(max(0, decimals))f", value)
        return text.hasPrefix("-") && Double(text) == 0 ? String(text.dropFirst()) : text
    }

    /// A pixel coordinate with 2 decimals.
    static func coordinate(_ value: Double) -> String {
        number(value, decimals: 2)
    }
}

import Foundation

/// A wall-clock deadline: `"07:00"` (the next such local time after the job starts) or an ISO 8601
/// date-time with a zone (`"2026-11-28T07:00:00Z"`, `"2026-11-28T07:00:00+01:00"`).
public enum Deadline: Sendable, Equatable {
    /// Hour (0–23) and minute (0–59) of local time.
    case timeOfDay(hour: Int, minute: Int)
    /// An absolute instant.
    case instant(Date)

    /// Parses either form; nil when `text` is neither.
    public init?(_ text: String) {
        let parts = text.split(separator: ":", omittingEmptySubsequences: false)
        if parts.count == 2, parts.allSatisfy({ $0.count == 2 && $0.allSatisfy(\.isASCII) }),
            let hour = Int(parts[0]), let minute = Int(parts[1]), (0..<24).contains(hour), (0..<60).contains(minute)
        {
            self = .timeOfDay(hour: hour, minute: minute)
        } else if let date = try? Date(text, strategy: .iso8601) {
            self = .instant(date)
        } else {
            return nil
        }
    }

    /// The instant this deadline means for a job started at `start`: a time of day is its next
    /// occurrence strictly after `start` in `calendar`'s time zone.
    public func resolved(after start: Date, calendar: Calendar = .current) -> Date {
        switch self {
        case .instant(let date):
            return date
        case .timeOfDay(let hour, let minute):
            let components = DateComponents(hour: hour, minute: minute, second: 0)
            return calendar.nextDate(after: start, matching: components, matchingPolicy: .nextTime) ?? start
        }
    }

    static func read(_ value: SpecValue, _ path: String) throws(SpecError) -> Deadline {
        guard case .string(let text) = value, let deadline = Deadline(text) else {
            throw .field(path, "expected \"HH:MM\" or an ISO 8601 date-time such as \"2026-11-28T07:00:00Z\", got \(value)")
        }
        return deadline
    }
}

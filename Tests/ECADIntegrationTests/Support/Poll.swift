import Foundation

/// Waiting for a condition without sleeping a fixed time: poll with a deadline.
enum Poll {
    struct TimedOut: Error, CustomStringConvertible {
        var what: String
        var description: String { "timed out waiting for \(what)" }
    }

    /// Calls `condition` every 20 ms until it returns a value or `seconds` pass.
    static func until<T>(_ what: String, seconds: Double = 20, _ condition: () throws -> T?) throws -> T {
        let deadline = Date().addingTimeInterval(seconds)
        while Date() < deadline {
            if let value = try condition() { return value }
            usleep(20_000)
        }
        throw TimedOut(what: what)
    }
}

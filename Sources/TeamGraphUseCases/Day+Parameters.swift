import Foundation
import TeamGraph

extension Day {
    /// The current day in `timeZone` (the local one by default).
    public static func today(in timeZone: TimeZone = .current) -> Day {
        let now = Int(Date().timeIntervalSince1970)
        let local = now + timeZone.secondsFromGMT()
        return Day(daysSinceEpoch: Int32(local / 86400))
    }

    /// Parses a request's date (`YYYY-MM-DD`), refusing other text as a bad value of `parameter`.
    public static func parameter(_ text: String, _ parameter: RequestParameter) throws(UseCaseError) -> Day {
        guard let day = Day(parsing: text) else { throw .badRequest(parameter, .notADate(text)) }
        return day
    }
}

/// Two days, `FROM..TO`: the period of a chart of changes.
public struct DayRange: Sendable, Hashable {
    /// The first day.
    public var from: Day
    /// The second day (the network is drawn as it was at its end).
    public var to: Day

    /// Creates a range.
    public init(from: Day, to: Day) {
        self.from = from
        self.to = to
    }

    /// Parses `FROM..TO` (two `YYYY-MM-DD` dates), else nil.
    public init?(parsing text: String) {
        let dates = text.components(separatedBy: "..")
        guard dates.count == 2, let from = Day(parsing: dates[0]), let to = Day(parsing: dates[1]) else { return nil }
        self.init(from: from, to: to)
    }
}

/// A calendar day, stored as the number of days since 1970-01-01.
///
/// Parses `YYYY-MM-DD`, `YYYY/MM/DD` and `YYYY.MM.DD`; prints ISO `YYYY-MM-DD`. The other forms
/// found in spreadsheets (`YYYY年M月D日`, day-month-first, partial dates) are read by ``DateReading``.
public struct Day: Hashable, Comparable, Sendable, CustomStringConvertible {
    /// Days since 1970-01-01 (negative before).
    public var daysSinceEpoch: Int32

    /// Creates a day from its distance to 1970-01-01.
    public init(daysSinceEpoch: Int32) { self.daysSinceEpoch = daysSinceEpoch }

    /// Creates a day from a valid year, month and day; `nil` if the date does not exist.
    public init?(year: Int, month: Int, day: Int) {
        guard (1...9999).contains(year), (1...12).contains(month), day >= 1,
            day <= Day.daysIn(month: month, year: year)
        else { return nil }
        // Days from civil (Howard Hinnant's algorithm).
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let mp = (month + 9) % 12
        let doy = (153 * mp + 2) / 5 + day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        daysSinceEpoch = Int32(era * 146097 + doe - 719468)
    }

    /// Parses `YYYY-MM-DD`, `YYYY/MM/DD` or `YYYY.MM.DD` (one- or two-digit month and day; a year
    /// of three or more digits, zero padding optional, from 1 to 9999).
    ///
    /// Allocation-free: it runs once per person on import.
    public init?(parsing text: String) {
        var text = text
        guard let day = text.withUTF8({ Day(utf8: $0) }) else { return nil }
        self = day
    }

    /// Parses the UTF-8 bytes of `YYYY-MM-DD`, `YYYY/MM/DD` or `YYYY.MM.DD` without making a `String`.
    public init?(utf8 bytes: UnsafeBufferPointer<UInt8>) {
        var parts = (0, 0, 0)
        var digits = (0, 0, 0)
        var part = 0
        var separator: UInt8 = 0
        for byte in bytes {
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"):
                let value = Int(byte - UInt8(ascii: "0"))
                // A part longer than its form allows is refused before it can overflow.
                switch part {
                case 0:
                    guard digits.0 < Day.maximumYearDigits else { return nil }
                    parts.0 = parts.0 * 10 + value
                    digits.0 += 1
                case 1:
                    guard digits.1 < 2 else { return nil }
                    parts.1 = parts.1 * 10 + value
                    digits.1 += 1
                default:
                    guard digits.2 < 2 else { return nil }
                    parts.2 = parts.2 * 10 + value
                    digits.2 += 1
                }
            case UInt8(ascii: "-"), UInt8(ascii: "/"), UInt8(ascii: "."):
                guard part < 2, separator == 0 || separator == byte else { return nil }
                separator = byte
                part += 1
            default:
                return nil
            }
        }
        guard part == 2, digits.0 >= 3, (1...2).contains(digits.1), (1...2).contains(digits.2) else { return nil }
        self.init(year: parts.0, month: parts.1, day: parts.2)
    }

    /// The most digits a year may be written with (zero padding included): enough for any
    /// padding seen in practice, few enough that the value cannot overflow.
    static let maximumYearDigits = 9

    /// The year, month and day of this date.
    public var components: (year: Int, month: Int, day: Int) {
        let z = Int(daysSinceEpoch) + 719468
        let era = (z >= 0 ? z : z - 146096) / 146097
        let doe = z - era * 146097
        let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let d = doy - (153 * mp + 2) / 5 + 1
        let m = mp < 10 ? mp + 3 : mp - 9
        return (yoe + era * 400 + (m <= 2 ? 1 : 0), m, d)
    }

    /// The ISO form, `YYYY-MM-DD`.
    public var description: String {
        let (y, m, d) = components
        return "\(Day.pad(y, 4))-\(Day.pad(m, 2))-\(Day.pad(d, 2))"
    }

    /// The day `count` days later (earlier when negative), held at ``earliest`` or ``latest``
    /// when the result would lie beyond them.
    public func adding(days count: Int) -> Day {
        let (sum, overflow) = Int(daysSinceEpoch).addingReportingOverflow(count)
        if overflow { return count < 0 ? .earliest : .latest }
        return Day(daysSinceEpoch: Int32(clamping: sum))
    }

    /// The earliest day a `Day` can hold.
    public static let earliest = Day(daysSinceEpoch: .min)

    /// The latest day a `Day` can hold.
    public static let latest = Day(daysSinceEpoch: .max)

    /// Orders days chronologically.
    public static func < (a: Day, b: Day) -> Bool { a.daysSinceEpoch < b.daysSinceEpoch }

    private static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    private static func pad(_ value: Int, _ width: Int) -> String {
        let text = String(value.magnitude)
        return (value < 0 ? "-" : "") + String(repeating: "0", count: max(0, width - text.count)) + text
    }
}

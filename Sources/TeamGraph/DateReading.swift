/// How the dates of an input file are read beyond the ISO form: the order of slashed day-month
/// forms and what a partial date means.
///
/// Always accepted: `YYYY-MM-DD`, `YYYY/M/D`, `YYYY.M.D` and `YYYY年M月D日` (a year of three or
/// more digits, from 1 to 9999), with or without a time after the date. With ``order``, also
/// `M/D/YYYY` or `D/M/YYYY` (and with `-` or `.`). With ``partial`` `.first`, also `YYYY-MM`,
/// `YYYY年M月`, `M/YYYY` and a year alone, as the first day of that month or year.
public struct DateReading: Sendable, Hashable {
    /// The order of day and month in a date written day-or-month first.
    public enum Order: String, Sendable, Hashable, CaseIterable {
        /// Month, day, year: `6/15/2026` is June 15.
        case mdy
        /// Day, month, year: `15/6/2026` is June 15.
        case dmy
    }

    /// What a date without its day (or month) means.
    public enum PartialDates: String, Sendable, Hashable, CaseIterable {
        /// Refused, with a message naming the option that accepts it.
        case refuse
        /// The first day of the month or year given.
        case first
    }

    /// Why a text is not read as a date.
    public enum Refusal: Error, Sendable, Hashable {
        /// Not any date form.
        case notADate
        /// A date form naming a day that does not exist (or a year outside 1 to 9999).
        case noSuchDay
        /// Day and month come first and nothing says which is which.
        case needsOrder
        /// A month or a year without its day.
        case partial
        /// A year written with one or two digits, which could be any century.
        case shortYear
        /// A bare number of five or more digits outside a workbook: most likely a spreadsheet's
        /// serial date that lost its date format on the way to CSV.
        case serialNumber
    }

    /// The date system of a workbook's serial numbers (days since the system's day zero).
    public enum SerialDates: Sendable, Hashable {
        /// Windows Excel's: serial 1 is 1900-01-01, counting a 29 February 1900 that never was.
        case from1900
        /// The Mac system: serial 0 is 1904-01-01 (serials are 1,462 lower than in the 1900 system).
        case from1904

        /// The day `serial` names (its time of day dropped), or nil outside 1 to 9999.
        public func day(_ serial: Double) -> Day? {
            guard serial.isFinite, serial >= 0, serial < 3_000_000 else { return nil }
            var whole = Int(serial.rounded(.down))
            // Lotus 1-2-3's 29 February 1900 (serial 60): serials before it are one day early.
            if self == .from1900 && whole < 61 { whole += 1 }
            let zero = self == .from1904 ? Day(year: 1904, month: 1, day: 1)! : Day(year: 1899, month: 12, day: 30)!
            let day = zero.adding(days: whole)
            return day <= Day(year: 9999, month: 12, day: 31)! ? day : nil
        }
    }

    /// The order of day-month-first dates; `nil` refuses them as ambiguous.
    public var order: Order?
    /// What a partial date means.
    public var partial: PartialDates
    /// For a workbook: its date system, in which a bare number of five or more digits is a
    /// serial date (shorter ones are years). Nil outside workbooks.
    public var serialDates: SerialDates?

    /// Creates the reading rules; by default only year-first whole dates.
    public init(order: Order? = nil, partial: PartialDates = .refuse, serialDates: SerialDates? = nil) {
        self.order = order
        self.partial = partial
        self.serialDates = serialDates
    }

    /// The day `text` names under these rules, or why it names none.
    public func read(_ text: String) -> Result<Day, Refusal> {
        guard let parsed = DateText(text) else { return .failure(.notADate) }
        return day(of: parsed)
    }

    /// The form `text` is written in (for a mapping preview), or nil when it is no date form.
    public static func form(of text: String) -> String? {
        DateText(text)?.form
    }

    private func day(of parsed: DateText) -> Result<Day, Refusal> {
        var year: Int
        var month = 1
        var dayOfMonth = 1
        let numbers = parsed.numbers
        switch parsed.shape {
        case .yearFirst:
            if parsed.form == DateText.serialForm {
                guard let serialDates else { return .failure(.serialNumber) }
                return serialDates.day(Double(numbers[0].value)).map { .success($0) } ?? .failure(.noSuchDay)
            }
            year = numbers[0].value
            if numbers.count > 1 { month = numbers[1].value }
            if numbers.count > 2 { dayOfMonth = numbers[2].value }
            if numbers[0].digits < 3 { return .failure(numbers.count == 3 ? .shortYear : .notADate) }
            if numbers.count < 3 && partial == .refuse { return .failure(.partial) }
        case .yearLast:
            let last = numbers[numbers.count - 1]
            if last.digits < 3 { return .failure(numbers.count == 3 ? .shortYear : .notADate) }
            year = last.value
            if numbers.count == 2 {
                guard partial == .first else { return .failure(.partial) }
                month = numbers[0].value
            } else {
                guard let order else { return .failure(.needsOrder) }
                (month, dayOfMonth) =
                    order == .mdy ? (numbers[0].value, numbers[1].value) : (numbers[1].value, numbers[0].value)
            }
        }
        guard let day = Day(year: year, month: month, day: dayOfMonth) else { return .failure(.noSuchDay) }
        return .success(day)
    }
}

/// A text split into the numbers and marks of a date form, before any rule is applied.
private struct DateText {
    struct Number {
        var value: Int
        var digits: Int
    }

    enum Shape {
        /// `Y[-M[-D]]`, `Y年[M月[D日]]`.
        case yearFirst
        /// `M-Y`, `D-M-Y` or `M-D-Y`: the year last (told from a year-first form by its length).
        case yearLast
    }

    var numbers: [Number] = []
    var shape = Shape.yearFirst
    /// How the text is written, e.g. `YYYY/M/D`.
    var form = ""

    /// Splits `text`; nil when it is not made of one to three numbers joined by one date mark.
    init?(_ text: String) {
        var scalars = Array(text.unicodeScalars.map(DateText.halfWidth))
        while let last = scalars.last, last == " " || last == "\t" { scalars.removeLast() }
        while let first = scalars.first, first == " " || first == "\t" { scalars.removeFirst() }
        DateText.dropTime(&scalars)
        var marks: [Unicode.Scalar] = []
        var current: Number?
        for scalar in scalars {
            if ("0"..."9").contains(scalar) {
                let digit = Int(scalar.value) - 48
                var number = current ?? Number(value: 0, digits: 0)
                guard number.digits < Day.maximumYearDigits else { return nil }
                number.value = number.value * 10 + digit
                number.digits += 1
                current = number
            } else {
                guard let number = current else { return nil }
                numbers.append(number)
                current = nil
                marks.append(scalar)
            }
        }
        if let current { numbers.append(current) }
        guard (1...3).contains(numbers.count) else { return nil }
        let chinese: [Unicode.Scalar] = ["年", "月", "日"]
        if marks.first.map({ chinese.contains($0) }) == true || (marks.count == numbers.count && !marks.isEmpty) {
            // 2026年6月15日, 2026年6月, 2026年: each number followed by its own mark, in order.
            let days: [Unicode.Scalar] = ["日", "号"]
            guard marks.count == numbers.count else { return nil }
            for (k, mark) in marks.enumerated() where !(mark == chinese[k] || (k == 2 && days.contains(mark))) {
                return nil
            }
            form = ["YYYY年", "M月", "D日"].prefix(numbers.count).joined()
            return
        }
        guard marks.count == numbers.count - 1 else { return nil }
        let separators: [Unicode.Scalar] = ["-", "/", "."]
        if let separator = marks.first {
            guard separators.contains(separator), marks.allSatisfy({ $0 == separator }) else { return nil }
        }
        let separator = marks.first.map { String($0) } ?? ""
        if numbers.count > 1, numbers[0].digits < 3, numbers[numbers.count - 1].digits >= 3 {
            shape = .yearLast
            form = (numbers.count == 2 ? ["M", "YYYY"] : ["D", "M", "YYYY"]).joined(separator: separator)
            if numbers.count == 3 { form = "D\(separator)M\(separator)YYYY or M\(separator)D\(separator)YYYY" }
        } else {
            let padded = numbers.dropFirst().allSatisfy { $0.digits == 2 }
            form = (padded ? ["YYYY", "MM", "DD"] : ["YYYY", "M", "D"]).prefix(numbers.count).joined(
                separator: separator)
            if numbers.count == 1 && numbers[0].digits >= 5 { form = DateText.serialForm }
        }
    }

    /// The form of a bare number of five or more digits: a serial date in a workbook.
    static let serialForm = "serial number"

    /// Full-width digits and marks (from a CJK input method) as their ASCII forms.
    static func halfWidth(_ scalar: Unicode.Scalar) -> Unicode.Scalar {
        (0xFF01...0xFF5E).contains(scalar.value) ? Unicode.Scalar(scalar.value - 0xFEE0)! : scalar
    }

    /// Drops a time of day after the date (`2026-06-15 09:30:00`, `2026-06-15T09:30`), as
    /// spreadsheets and HR systems export dates.
    static func dropTime(_ scalars: inout [Unicode.Scalar]) {
        guard let cut = scalars.firstIndex(where: { $0 == " " || $0 == "T" }) else { return }
        let time = scalars[(cut + 1)...].drop(while: { $0 == " " })
        let allowed = Set<Unicode.Scalar>(["0", "1", "2", "3", "4", "5", "6", "7", "8", "9", ":", ".", "Z", "+", "-"])
        guard time.contains(":"), time.first.map({ ("0"..."9").contains($0) }) == true,
            time.allSatisfy({ allowed.contains($0) })
        else { return }
        scalars.removeSubrange(cut...)
        while let last = scalars.last, last == " " { scalars.removeLast() }
    }
}

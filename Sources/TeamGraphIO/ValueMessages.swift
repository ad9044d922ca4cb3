import TeamGraph

/// The wording of a value that does not parse, the same whichever reader found it (CSV or JSON).
enum ValueMessages {
    /// The date forms always accepted, for messages.
    static let dateForms = "YYYY-MM-DD, YYYY/M/D, YYYY.M.D or YYYY年M月D日"

    /// A `joined` value that is not a date: why, and the option that would accept it if any.
    static func invalidDate(_ text: String, _ refusal: DateReading.Refusal = .notADate) -> ProblemText {
        switch refusal {
        case .notADate:
            "joined: '\(text)' is not a valid date (expected \(dateForms))"
        case .noSuchDay:
            "joined: '\(text)' is not a valid date (no such day; years run from 1 to 9999)"
        case .needsOrder:
            "joined: '\(text)' has the day and month first: say which comes first with \(setting: .dateOrder, "mdy") (month/day/year) or \(setting: .dateOrder, "dmy") (day/month/year)"
        case .partial:
            "joined: '\(text)' has no day: \(setting: .partialDates, "first") reads it as the first day of that month or year"
        case .serialNumber:
            "joined: '\(text)' is a number, not a date: if it is a spreadsheet's serial date, read the workbook itself (.xlsx) or format the column as dates before saving as CSV"
        case .shortYear:
            "joined: '\(text)' has a one- or two-digit year, which could be any century: write the year in full"
        }
    }

    /// A `status` value that is no known spelling.
    static func unknownStatus(_ text: String) -> ProblemText {
        "status: unknown status '\(text)' (accepted: \(Status.acceptedSpellings)); map it with \(setting: .statusMap, "\(text)=STATUS"), or read every unknown word as one status with \(setting: .unknownStatus, "active|inactive|left")"
    }
}

/// Reads `joined` and `status` values as the read options say, for the CSV and JSON readers alike,
/// counting the unknown status words it accepts.
struct ValueReading {
    let dates: DateReading
    let statuses: StatusReading
    /// Unknown status words read as `statuses.unknown`, with how often each was met.
    private(set) var unknownStatuses: [String: Int] = [:]

    init(_ options: ReadOptions) {
        dates = options.dates
        statuses = options.statuses
    }

    /// The day in `text`, or the message saying why it is none.
    func joined(_ text: String) -> Result<Day, ValueProblem> {
        dates.read(text).mapError { ValueProblem(text: ValueMessages.invalidDate(text, $0)) }
    }

    /// The status `text` names (an unknown word as `--unknown-status` says), or the message.
    mutating func status(_ text: String) -> Result<Status, ValueProblem> {
        if let known = statuses.known(text) { return .success(known) }
        guard let fallback = statuses.unknown else {
            return .failure(ValueProblem(text: ValueMessages.unknownStatus(text)))
        }
        unknownStatuses[text, default: 0] += 1
        return .success(fallback)
    }

    /// The warning that counts the unknown status words accepted, if any were.
    func warnings(file: String) -> [Problem] {
        guard let fallback = statuses.unknown, !unknownStatuses.isEmpty else { return [] }
        let total = unknownStatuses.values.reduce(0, +)
        let listed = unknownStatuses.sorted { ($1.value, $0.key) < ($0.value, $1.key) }
        let shown = listed.prefix(10).map { "'\($0.key)' × \($0.value)" }.joined(separator: ", ")
        let more = listed.count > 10 ? " and \(listed.count - 10) more words" : ""
        return [
            Problem(
                file: file,
                text:
                    "\(total) status value\(total == 1 ? " was" : "s were") no known word and read as \(fallback) (\(setting: .unknownStatus)): \(shown)\(more)"
            )
        ]
    }
}

/// What is wrong with one value, worded for the user.
struct ValueProblem: Error {
    var text: ProblemText
}

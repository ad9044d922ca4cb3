import ArgumentParser
import TeamGraph
import TeamGraphIO
import TeamGraphUseCases

/// How the values of a file are read: the sheet of a workbook, dates beyond `YYYY-MM-DD` and
/// status words.
struct ReadingFlags: ParsableArguments {
    @Option(help: "The sheet of an .xlsx workbook to read (default: the first).")
    var sheet: String?

    @Option(help: "Read slashed day-month-first dates (6/15/2026 or 15/6/2026) in this order.")
    var dateOrder: Checked<DateReading.Order>?

    @Option(
        help: ArgumentHelp(
            "first: read a date without its day (2026-06, 2026年6月, 2026) as the first day of that month or year."))
    var partialDates: Checked<DateReading.PartialDates> = Checked(.refuse)

    @Option(
        help: ArgumentHelp(
            "Read these status words as these statuses (repeatable; several joined by commas).",
            valueName: "word=status,..."))
    var statusMap: [String] = []

    @Option(help: "Read every status word that is not known as this status (counted in a warning).")
    var unknownStatus: Checked<Status>?

    func validate() throws { _ = try apply(to: ReadOptions()) }

    /// Whether any of these flags was given (they apply to files only).
    var isSet: Bool {
        sheet != nil || dateOrder != nil || partialDates.text != DateReading.PartialDates.refuse.rawValue
            || !statusMap.isEmpty
            || unknownStatus != nil
    }

    /// `options` with these rules, and warnings printed to standard error.
    func apply(to options: ReadOptions) throws(UseCaseError) -> ReadOptions {
        var options = options
        options.sheet = sheet
        options.dates = DateReading(order: try dateOrder?.value(), partial: try partialDates.value())
        var statuses = StatusReading(unknown: try unknownStatus?.value())
        for text in statusMap { try ReadParameters.statusWords(text, into: &statuses) }
        options.statuses = statuses
        options.warn = { Output.standardError("teamgraph: warning: \($0.commandLineText)") }
        return options
    }
}

extension DateReading.Order: CommandLineValue {
    init(commandLine text: String) throws(UseCaseError) {
        guard let order = Self(rawValue: text.lowercased()) else {
            throw .badRequest(.dateOrder, .unknownName(text, allowed: Self.commandLineValues))
        }
        self = order
    }
}

extension DateReading.PartialDates: CommandLineValue {
    init(commandLine text: String) throws(UseCaseError) {
        guard let partial = Self(rawValue: text.lowercased()) else {
            throw .badRequest(.partialDates, .unknownName(text, allowed: Self.commandLineValues))
        }
        self = partial
    }
}

extension Status: CommandLineValue {
    init(commandLine text: String) throws(UseCaseError) { self = try ReadParameters.status(text, .unknownStatus) }
    var commandLineText: String { description }
    static var commandLineValues: [String] { allCases.map(\.description) }
}

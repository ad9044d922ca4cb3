import ArgumentParser
import TeamGraph
import TeamGraphChart
import TeamGraphIO
import TeamGraphUseCases

/// A value the command line reads as `Value`: parsed with the arguments, and refused in the
/// command's `validate()` with TeamGraph's own message (`unknown --engine 'neato'; use dot, tree,
/// twopi or auto`) rather than the parser's generic one, so that messages stay those users and
/// scripts know.
struct Checked<Value: CommandLineValue>: ExpressibleByArgument, Sendable {
    /// The text given.
    var text: String
    /// The value, or why the text is refused.
    var parsed: Result<Value, UseCaseError>

    init(argument: String) {
        text = argument
        parsed = Result { () throws(UseCaseError) in try Value(commandLine: argument) }
    }

    /// A default value.
    init(_ value: Value) {
        text = value.commandLineText
        parsed = .success(value)
    }

    /// The value, or the refusal.
    func value() throws(UseCaseError) -> Value { try parsed.get() }

    static var allValueStrings: [String] { Value.commandLineValues }

    var defaultValueDescription: String { text }
}

/// A type the command line reads from text.
protocol CommandLineValue: Sendable {
    /// Parses the text given on the command line.
    init(commandLine text: String) throws(UseCaseError)
    /// How a value is written on the command line (for defaults in `--help`).
    var commandLineText: String { get }
    /// The values to list in help and completions (empty: free text).
    static var commandLineValues: [String] { get }
}

extension CommandLineValue where Self: RawRepresentable, Self.RawValue == String {
    var commandLineText: String { rawValue }
}

extension CommandLineValue where Self: CaseIterable & RawRepresentable, Self.RawValue == String {
    static var commandLineValues: [String] { allCases.map(\.rawValue) }
}

extension TextEncoding: CommandLineValue {
    init(commandLine text: String) throws(UseCaseError) { self = try ReadParameters.encoding(text) }
}

/// `--map field=Header`.
struct FieldMapping: CommandLineValue {
    /// The field read.
    var field: String
    /// The header it is read from.
    var header: String

    init(commandLine text: String) throws(UseCaseError) {
        (field, header) = try ReadParameters.mapping(text)
    }

    var commandLineText: String { "\(field)=\(header)" }
    static var commandLineValues: [String] { [] }
}

extension Day: CommandLineValue {
    init(commandLine text: String) throws(UseCaseError) { self = try Day.parameter(text, .asOf) }
    var commandLineText: String { description }
    static var commandLineValues: [String] { [] }
}

extension DayRange: CommandLineValue {
    init(commandLine text: String) throws(UseCaseError) {
        guard let range = DayRange(parsing: text) else { throw .badRequest(.diff, .notADayRange(text)) }
        self = range
    }
    var commandLineText: String { "\(from)..\(to)" }
    static var commandLineValues: [String] { [] }
}

/// A named value: matched case-insensitively against its cases' raw values.
protocol NamedCommandLineValue: CommandLineValue, CaseIterable, RawRepresentable where RawValue == String {
    /// The parameter the value is given for.
    static var parameter: RequestParameter { get }
}

extension NamedCommandLineValue {
    init(commandLine text: String) throws(UseCaseError) {
        guard let value = Self.allCases.first(where: { $0.rawValue.lowercased() == text.lowercased() }) else {
            throw .badRequest(Self.parameter, .unknownName(text, allowed: Self.commandLineValues))
        }
        self = value
    }
}

extension ChartEngine: NamedCommandLineValue {
    static var parameter: RequestParameter { .engine }
    static var commandLineValues: [String] { [ChartEngine.dot, .tree, .twopi, .auto].map(\.rawValue) }
}

extension ChartColoring: NamedCommandLineValue {
    static var parameter: RequestParameter { .coloring }
}

extension RankDirection: NamedCommandLineValue {
    static var parameter: RequestParameter { .rankDirection }
}

extension ChartFormat: NamedCommandLineValue {
    static var parameter: RequestParameter { .format }
}

extension Paper: NamedCommandLineValue {
    static var parameter: RequestParameter { .page }
}

extension PageOrientation: NamedCommandLineValue {
    static var parameter: RequestParameter { .orientation }
}

extension PageSplit: NamedCommandLineValue {
    static var parameter: RequestParameter { .pageSplit }
}

extension NetworkFormat: NamedCommandLineValue {
    static var parameter: RequestParameter { .format }
}

import Foundation
import Hummingbird
import TeamGraph
import TeamGraphChart
import TeamGraphUseCases

/// The caps on what a request may carry.
enum RequestLimits {
    /// The longest URL answered (path and query).
    static let maximumURILength = 8192
    /// The longest value of one query parameter.
    static let maximumValueLength = 1024
    /// The most values of one repeatable parameter (`root`, `expand`, `kind`).
    static let maximumListCount = 200
}

/// A request's query parameters, read with the endpoint's list of the names it takes: an unknown
/// name, a value too long, or a value that cannot be used is refused naming the parameter.
struct QueryValues: Sendable {
    private let values: [(name: String, value: String)]

    /// The parameters of `request`, refusing any name outside `allowed`.
    init(_ request: Request, allowed: Set<String>) throws(ServedError) {
        var values: [(String, String)] = []
        for pair in (request.uri.query ?? "").split(separator: "&", omittingEmptySubsequences: true) {
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            // Form encoding: `+` is a space, then percent-escapes (so `%2B` stays a plus).
            let decode = { (text: Substring) in text.replacingOccurrences(of: "+", with: " ").removingPercentEncoding }
            guard let name = decode(parts[0]), let value = parts.count > 1 ? decode(parts[1]) : "" else {
                throw .badParameter(String(parts[0]), "\(parts[0]): not a valid percent-encoded value")
            }
            if name.isEmpty { continue }
            guard allowed.contains(name) else { throw .unknownParameter(name) }
            guard value.utf8.count <= RequestLimits.maximumValueLength else {
                throw .badParameter(name, "\(name) is longer than \(RequestLimits.maximumValueLength) bytes")
            }
            values.append((name, value))
        }
        self.values = values
    }

    /// The last value of `name`, or nil when absent or empty.
    func text(_ name: String) -> String? {
        guard let value = values.last(where: { $0.name == name })?.value, !value.isEmpty else { return nil }
        return value
    }

    /// Every value of `name`, each also split at commas (`root=A,B&root=C`).
    func list(_ name: String) throws(ServedError) -> [String] {
        let all = values.filter { $0.name == name }.flatMap { $0.value.split(separator: ",").map(String.init) }
            .filter { !$0.isEmpty }
        guard all.count <= RequestLimits.maximumListCount else {
            throw .badParameter(name, "\(name) takes at most \(RequestLimits.maximumListCount) values")
        }
        return all
    }

    /// A whole number.
    func int(_ name: String) throws(ServedError) -> Int? {
        guard let text = text(name) else { return nil }
        guard let value = Int(text) else { throw .badParameter(name, "\(name) must be a whole number, not '\(text)'") }
        return value
    }

    /// `true`/`1`/`yes` or `false`/`0`/`no`; absent is false.
    func flag(_ name: String) throws(ServedError) -> Bool {
        guard let text = text(name)?.lowercased() else { return false }
        switch text {
        case "true", "1", "yes", "on": return true
        case "false", "0", "no", "off": return false
        default: throw .badParameter(name, "\(name) must be true or false, not '\(text)'")
        }
    }

    /// One of a set of named values (`by=owner`).
    func choice<T: RawRepresentable & CaseIterable>(_ name: String, as type: T.Type) throws(ServedError) -> T?
    where T.RawValue == String {
        guard let text = text(name) else { return nil }
        if let value = T(rawValue: text) ?? T.allCases.first(where: { $0.rawValue.lowercased() == text.lowercased() }) {
            return value
        }
        let allowed = T.allCases.map(\.rawValue).joined(separator: ", ")
        throw .badParameter(name, "\(name): unknown value '\(text)'; use one of \(allowed)")
    }

    /// A `YYYY-MM-DD` day.
    func day(_ name: String) throws(ServedError) -> Day? {
        guard let text = text(name) else { return nil }
        guard let day = Day(parsing: text) else {
            throw .badParameter(name, "\(name): '\(text)' is not a date (expected YYYY-MM-DD)")
        }
        return day
    }

    /// The analysis settings every read takes (`as_of`, `newcomer_days`, `max_span`, `under`, `under_by`).
    func settings(underBy: String = "under_by") throws(ServedError) -> AnalysisSettings {
        var settings = AnalysisSettings()
        settings.asOf = try day("as_of")
        if let days = try int("newcomer_days") { settings.newcomerDays = days }
        if let span = try int("max_span") { settings.maxSpan = span }
        settings.under = text("under")
        if let relation = try choice(underBy, as: Relation.self) { settings.underBy = relation }
        do {
            try settings.validate()
        } catch {
            throw .useCase(error)
        }
        return settings
    }

    /// The names every read takes.
    static let settingNames: Set<String> = ["as_of", "newcomer_days", "max_span"]
    /// The names of the part of the network a read is about.
    static let scopeNames: Set<String> = ["under", "under_by"]
}

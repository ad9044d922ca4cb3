import TeamGraph
import TeamGraphIO

/// The promises the readers make about any input, checked on one input: what the fuzz targets
/// (`Tools/fuzz`, which compiles this file through a symbolic link) and `FuzzRegressionTests` run.
///
/// The promises: reading never crashes, hangs or runs out of memory; a rejected input comes with
/// at least one problem, each naming the file and saying something; an accepted network can be
/// analysed (stats, metrics, gaps, chains) and written back as CSV and JSON that read back to the
/// same people; both date parsers agree. Each check returns the promises the input broke, empty
/// when it kept them all.
public enum ReaderPromises {
    /// What one input did.
    public struct Outcome: Sendable {
        /// The problems it was rejected with; nil when it was accepted.
        public var rejection: [Problem]?
        /// The promises it broke.
        public var broken: [String] = []
    }

    /// The name the people file has in problems.
    public static let peopleFile = "fuzz-people"
    /// The name the teams file has in problems.
    public static let teamsFile = "fuzz-teams.csv"
    /// The line that splits a CSV input into a people part and a teams part.
    public static let teamsMarker = Array("\n#teams\n".utf8)

    /// A people CSV; when the input has a `#teams` line, what follows it is a teams CSV.
    public static func peopleCSV(_ input: [UInt8]) -> Outcome {
        var people = input[...]
        var teams: (bytes: [UInt8], file: String)? = nil
        if let split = firstRange(of: teamsMarker, in: input) {
            people = input[..<split.lowerBound]
            teams = (Array(input[split.upperBound...]), teamsFile)
        }
        var outcome = Outcome()
        guard let network = load(Array(people), file: peopleFile + ".csv", format: .csv, teams: teams, &outcome)
        else { return outcome }
        analyse(network, &outcome)
        roundTrip(network, from: "CSV", &outcome)
        return outcome
    }

    /// The JSON network form.
    public static func networkJSON(_ input: [UInt8]) -> Outcome {
        var outcome = Outcome()
        guard let network = load(input, file: peopleFile + ".json", format: .json, teams: nil, &outcome)
        else { return outcome }
        analyse(network, &outcome)
        roundTrip(network, from: "JSON", &outcome)
        return outcome
    }

    /// A date, through both parsers: they agree, and a parsed day prints and parses back to itself.
    public static func day(_ input: [UInt8]) -> Outcome {
        var outcome = Outcome()
        func check(_ condition: Bool, _ message: @autoclosure () -> String) {
            if !condition { outcome.broken.append(message()) }
        }
        let fromBytes = input.withUnsafeBufferPointer { Day(utf8: $0) }
        let fromText = Day(parsing: String(decoding: input, as: UTF8.self))
        check(
            fromBytes == fromText,
            "Day(utf8:) gave \(String(describing: fromBytes)), Day(parsing:) \(String(describing: fromText))")
        guard let day = fromBytes else {
            outcome.rejection = []
            return outcome
        }
        let (year, month, dayOfMonth) = day.components
        check(
            (1...9999).contains(year) && (1...12).contains(month) && (1...31).contains(dayOfMonth),
            "components \(day.components)")
        check(Day(year: year, month: month, day: dayOfMonth) == day, "components of \(day) do not rebuild it")
        check(Day(parsing: day.description) == day, "\(day) does not parse back to itself")
        return outcome
    }

    /// The network, or nil when the input was rejected (checking the problems say something).
    static func load(
        _ bytes: [UInt8], file: String, format: NetworkLoader.Format, teams: (bytes: [UInt8], file: String)?,
        _ outcome: inout Outcome
    ) -> Network? {
        do throws(InvalidInput) {
            return try NetworkLoader.load(bytes: bytes, file: file, format: format, teams: teams)
        } catch {
            outcome.rejection = error.problems
            if error.problems.isEmpty { outcome.broken.append("rejected with no problem") }
            for problem in error.problems {
                if problem.file != file && problem.file != teams?.file {
                    outcome.broken.append("problem names file '\(problem.file)': \(problem)")
                }
                if problem.message.isEmpty { outcome.broken.append("problem without a message: \(problem)") }
                if let line = problem.line, line < 1 { outcome.broken.append("problem on line \(line): \(problem)") }
                if let column = problem.column, column < 1 {
                    outcome.broken.append("problem in column \(column): \(problem)")
                }
            }
            return nil
        }
    }

    /// Every analysis on every person: none may crash, and the figures must agree with each other.
    static func analyse(_ network: Network, _ outcome: inout Outcome) {
        func check(_ condition: Bool, _ message: @autoclosure () -> String) {
            if !condition { outcome.broken.append(message()) }
        }
        let n = network.count
        check(n > 0, "accepted an empty network")
        guard n > 0 else { return }
        let options = AnalysisOptions(asOf: Day(year: 2026, month: 6, day: 30)!)
        let stats = network.stats(options: options)
        check(stats.people == n, "stats count \(stats.people) people of \(n)")
        check(stats.sponsor.levels.reduce(0, +) == n && stats.owner.levels.reduce(0, +) == n, "levels do not add up")
        _ = network.gaps(options: options)
        var frontlines = 0
        for i in 0..<Int32(n) {
            let metrics = network.metrics(of: i)
            frontlines += metrics.frontline
            check(network.chain(of: i, by: .sponsor).count == metrics.sponsorDepth, "sponsor chain of \(i)")
            check(network.chain(of: i, by: .owner).count == metrics.ownerDepth, "owner chain of \(i)")
            check(network.index(of: network.ids[Int(i)]) == i, "id '\(network.ids[Int(i)])' not found at \(i)")
            _ = network.commonLeader(i, Int32(n - 1) - i, by: .owner)
            _ = network.label(i)
        }
        check(
            frontlines == n - stats.sponsor.roots, "frontlines add up to \(frontlines), not \(n - stats.sponsor.roots)")
        let under = network.selection(under: 0, by: .sponsor)
        _ = network.restricted(to: under).stats(options: options)
        _ = network.gaps(options: options, within: under)
    }

    /// Written back as CSV and as JSON, the network reads back to the same people.
    static func roundTrip(_ network: Network, from source: String, _ outcome: inout Outcome) {
        func check(_ condition: Bool, _ message: @autoclosure () -> String) {
            if !condition { outcome.broken.append(message()) }
        }
        var csv = OutputBuffer()
        var teamsCSV = OutputBuffer()
        var json = OutputBuffer()
        do {
            try NetworkWriter.peopleCSV(network, to: &csv)
            if network.teamsDefined { try NetworkWriter.teamsCSV(network, to: &teamsCSV) }
            try NetworkWriter.json(network, to: &json)
        } catch {
            outcome.broken.append("writing failed: \(error)")
            return
        }
        let forms: [(bytes: [UInt8], format: NetworkLoader.Format, teams: (bytes: [UInt8], file: String)?)] = [
            (csv.bytes, .csv, network.teamsDefined ? (teamsCSV.bytes, teamsFile) : nil), (json.bytes, .json, nil),
        ]
        for (bytes, format, teams) in forms {
            let what = "\(source) written as \(format)"
            let again: Network
            do throws(InvalidInput) {
                again = try NetworkLoader.load(bytes: bytes, file: "written", format: format, teams: teams)
            } catch {
                outcome.broken.append(
                    "\(what) does not read back:\n\(error.report())\n--- written:\n\(String(decoding: bytes, as: UTF8.self))"
                )
                continue
            }
            check(same(again.ids, network.ids), "\(what): ids \(network.ids) came back as \(again.ids)")
            check(same(again.names, network.names), "\(what): names \(network.names) came back as \(again.names)")
            check(same(again.roles, network.roles), "\(what): roles \(network.roles) came back as \(again.roles)")
            check(again.sponsor.parents == network.sponsor.parents, "\(what): sponsors changed")
            check(again.owner.parents == network.owner.parents, "\(what): owners changed")
            check(again.statuses == network.statuses, "\(what): statuses changed")
            check(again.joined == network.joined, "\(what): join days changed")
            check(same(again.teams.map(\.id), network.teams.map(\.id)), "\(what): teams changed")
            check(again.teamIndex == network.teamIndex, "\(what): people's teams changed")
            // Extra values come back under the keys the writer gives them: the same, unless a key
            // would be read as something else (then `key (2)`, ...); CSV keeps them in place, JSON
            // brings them back sorted by key.
            let keys =
                format == .csv
                ? csvHeaders(network.extraKeys, spellings: HeaderSpellings.people.flatMap(\.headers))
                : jsonKeys(network.extraKeys, known: Field.allCases.map(\.rawValue))
            let teamKeys =
                format == .csv
                ? csvHeaders(network.teamExtraKeys, spellings: HeaderSpellings.teams.flatMap(\.headers))
                : jsonKeys(network.teamExtraKeys, known: ["id", "name", "lead"])
            if format == .csv {
                check(
                    same(again.extraKeys, keys),
                    "\(what): extra columns \(network.extraKeys) came back as \(again.extraKeys)")
                check(
                    again.extraValues.count == network.extraValues.count
                        && zip(again.extraValues, network.extraValues).allSatisfy { same($0, $1) },
                    "\(what): extra values changed")
            } else {
                check(
                    again.extraKeys.count == keys.count && Set(again.extraKeys) == Set(keys),
                    "\(what): extra keys \(network.extraKeys) came back as \(again.extraKeys)")
                for (k, key) in keys.enumerated() {
                    guard let j = again.extraKeys.firstIndex(where: { same($0, key) }) else {
                        outcome.broken.append("\(what): extra key '\(key)' lost")
                        continue
                    }
                    check(same(again.extraValues[j], network.extraValues[k]), "\(what): extra '\(key)' changed")
                }
            }
            func teamExtras(_ keys: [String], _ team: TeamGraph.Team) -> Set<String> {
                Set(zip(keys, team.extras).map { "\($0)=\($1)" })
            }
            check(
                again.teams.count == network.teams.count
                    && zip(again.teams, network.teams).allSatisfy {
                        teamExtras(again.teamExtraKeys, $0) == teamExtras(teamKeys, $1)
                    },
                "\(what): team extras \(network.teamExtraKeys) \(network.teams.map(\.extras)) came back as \(again.teamExtraKeys) \(again.teams.map(\.extras))"
            )
        }
    }

    /// The JSON keys the writer gives extra values: each key, unless it is a known field's or
    /// repeats an earlier one; then the first free `key (2)`, `key (3)`, ...
    static func jsonKeys(_ extras: [String], known: [String]) -> [String] {
        var used = Set(known)
        return extras.map { key in
            let unique = suffixed(key) { used.contains($0) }
            used.insert(unique)
            return unique
        }
    }

    /// The CSV headers the writer gives extra columns: each header, unless CSV would read it as a
    /// known field (`Sponsor`, `jo ined`, `姓名`: headers compare folded); then the first `key (2)`, ... that it would not.
    static func csvHeaders(_ extras: [String], spellings: [String]) -> [String] {
        let spellings = Set(spellings.map(HeaderSpellings.folded))
        return extras.map { key in suffixed(key) { spellings.contains(HeaderSpellings.folded($0)) } }
    }

    /// `key`, or the first of `key (2)`, `key (3)`, ... that is not `taken`.
    static func suffixed(_ key: String, taken: (String) -> Bool) -> String {
        var candidate = key
        var number = 1
        while taken(candidate) {
            number += 1
            candidate = "\(key) (\(number))"
        }
        return candidate
    }

    /// Byte-wise equality (Swift's `String ==` treats canonically equivalent text as equal; ids do not).
    static func same(_ a: String, _ b: String) -> Bool { a.utf8.elementsEqual(b.utf8) }

    /// Byte-wise equality of two lists of text.
    static func same(_ a: [String], _ b: [String]) -> Bool {
        a.count == b.count && zip(a, b).allSatisfy { same($0, $1) }
    }

    /// Where `needle` first occurs in `haystack`.
    static func firstRange(of needle: [UInt8], in haystack: [UInt8]) -> Range<Int>? {
        guard !needle.isEmpty, haystack.count >= needle.count else { return nil }
        for start in 0...(haystack.count - needle.count) where haystack[start] == needle[0] {
            if haystack[start..<start + needle.count].elementsEqual(needle) { return start..<start + needle.count }
        }
        return nil
    }
}

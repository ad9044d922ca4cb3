import TeamGraph
import TeamGraphIO

/// What every fuzz target checks about one input; a broken promise is a crash (`fatalError`),
/// which libFuzzer reports and saves.
///
/// The promises: reading never crashes, hangs or runs out of memory; a rejected input comes with
/// at least one problem, each naming the file and saying something; an accepted network can be
/// analysed (stats, metrics, gaps, chains) and written back as CSV and JSON that read back to the
/// same people.
public enum FuzzChecks {
    /// The name the fuzzed people file has in problems.
    static let peopleFile = "fuzz-people"
    /// The name the fuzzed teams file has in problems.
    static let teamsFile = "fuzz-teams.csv"
    /// The line that splits a CSV input into a people part and a teams part.
    static let teamsMarker = Array("\n#teams\n".utf8)

    /// The input as an array (libFuzzer may pass a null pointer for the empty input).
    public static func bytes(_ data: UnsafePointer<UInt8>?, _ size: Int) -> [UInt8] {
        guard let data, size > 0 else { return [] }
        return Array(UnsafeBufferPointer(start: data, count: size))
    }

    /// A people CSV; when the input has a `#teams` line, what follows it is a teams CSV.
    public static func peopleCSV(_ input: [UInt8]) {
        var people = input[...]
        var teams: (bytes: [UInt8], file: String)? = nil
        if let split = firstRange(of: teamsMarker, in: input) {
            people = input[..<split.lowerBound]
            teams = (Array(input[split.upperBound...]), teamsFile)
        }
        let file = peopleFile + ".csv"
        guard let network = load(Array(people), file: file, format: .csv, teams: teams) else { return }
        analyse(network)
        roundTrip(network, from: "CSV")
    }

    /// The JSON network form.
    public static func networkJSON(_ input: [UInt8]) {
        guard let network = load(input, file: peopleFile + ".json", format: .json, teams: nil) else { return }
        analyse(network)
        roundTrip(network, from: "JSON")
    }

    /// A date, through both parsers: they agree, and a parsed day prints and parses back to itself.
    public static func day(_ input: [UInt8]) {
        let fromBytes = input.withUnsafeBufferPointer { Day(utf8: $0) }
        let fromText = Day(parsing: String(decoding: input, as: UTF8.self))
        check(fromBytes == fromText, "Day(utf8:) gave \(String(describing: fromBytes)), Day(parsing:) \(String(describing: fromText))")
        guard let day = fromBytes else { return }
        let (year, month, dayOfMonth) = day.components
        check((1...9999).contains(year) && (1...12).contains(month) && (1...31).contains(dayOfMonth), "components \(day.components)")
        check(Day(year: year, month: month, day: dayOfMonth) == day, "components of \(day) do not rebuild it")
        check(Day(parsing: day.description) == day, "\(day) does not parse back to itself")
    }

    /// The network, or nil when the input was rejected properly (with problems that say something).
    static func load(_ bytes: [UInt8], file: String, format: NetworkLoader.Format, teams: (bytes: [UInt8], file: String)?)
        -> Network?
    {
        do throws(InvalidInput) {
            return try NetworkLoader.load(bytes: bytes, file: file, format: format, teams: teams)
        } catch {
            check(!error.problems.isEmpty, "rejected with no problem")
            for problem in error.problems {
                check(problem.file == file || problem.file == teams?.file, "problem names file '\(problem.file)'")
                check(!problem.message.isEmpty, "problem without a message: \(problem)")
                check(problem.line.map { $0 >= 1 } ?? true, "problem on line \(problem.line!)")
                check(problem.column.map { $0 >= 1 } ?? true, "problem in column \(problem.column!)")
            }
            check(!error.report().isEmpty, "empty report")
            return nil
        }
    }

    /// Every analysis on every person: none may crash, and the figures must agree with each other.
    static func analyse(_ network: Network) {
        let n = network.count
        check(n > 0, "accepted an empty network")
        let options = AnalysisOptions(asOf: Day(year: 2026, month: 6, day: 30)!)
        let stats = network.stats(options: options)
        check(stats.people == n, "stats count \(stats.people) people of \(n)")
        check(stats.sponsor.levels.reduce(0, +) == n && stats.owner.levels.reduce(0, +) == n, "levels do not add up")
        _ = network.gaps(options: options)
        var downline = 0
        for i in 0..<Int32(n) {
            let metrics = network.metrics(of: i)
            downline += metrics.frontline
            check(network.chain(of: i, by: .sponsor).count == metrics.sponsorDepth, "sponsor chain of \(i)")
            check(network.chain(of: i, by: .owner).count == metrics.ownerDepth, "owner chain of \(i)")
            check(network.index(of: network.ids[Int(i)]) == i, "id \(network.ids[Int(i)]) not found at \(i)")
            _ = network.commonLeader(i, Int32(n - 1) - i, by: .owner)
            _ = network.label(i)
        }
        check(downline == n - stats.sponsor.roots, "frontlines add up to \(downline), not \(n - stats.sponsor.roots)")
        let under = network.selection(under: 0, by: .sponsor)
        _ = network.restricted(to: under).stats(options: options)
        _ = network.gaps(options: options, within: under)
    }

    /// Written back as CSV and as JSON, the network reads back to the same people.
    static func roundTrip(_ network: Network, from source: String) {
        var csv = OutputBuffer(), teamsCSV = OutputBuffer(), json = OutputBuffer()
        do {
            try NetworkWriter.peopleCSV(network, to: &csv)
            if network.teamsDefined { try NetworkWriter.teamsCSV(network, to: &teamsCSV) }
            try NetworkWriter.json(network, to: &json)
        } catch {
            fatalError("writing failed: \(error)")
        }
        let teams = network.teamsDefined ? (teamsCSV.bytes, teamsFile) : nil
        for (bytes, format, teams) in [(csv.bytes, NetworkLoader.Format.csv, teams), (json.bytes, .json, nil)] {
            let again: Network
            do throws(InvalidInput) {
                again = try NetworkLoader.load(bytes: bytes, file: "written", format: format, teams: teams)
            } catch {
                fatalError("\(source) written as \(format) does not read back:\n\(error.report())\n--- written:\n\(String(decoding: bytes, as: UTF8.self))")
            }
            let what = "\(source) written as \(format)"
            check(same(again.ids, network.ids), "\(what): ids \(network.ids) came back as \(again.ids)")
            check(same(again.names, network.names), "\(what): names \(network.names) came back as \(again.names)")
            check(same(again.roles, network.roles), "\(what): roles changed")
            check(again.sponsor.parents == network.sponsor.parents, "\(what): sponsors changed")
            check(again.owner.parents == network.owner.parents, "\(what): owners changed")
            check(again.statuses == network.statuses, "\(what): statuses changed")
            check(again.joined == network.joined, "\(what): join days changed")
            check(same(again.teams.map(\.id), network.teams.map(\.id)), "\(what): teams changed")
            check(again.teamIndex == network.teamIndex, "\(what): people's teams changed")
            for (k, key) in network.extraKeys.enumerated() {
                // JSON brings extra keys back sorted (and merges repeated headers): compare by name.
                guard let j = again.extraKeys.firstIndex(where: { same($0, key) }) else {
                    fatalError("\(what): extra column '\(key)' lost")
                }
                if format == .csv || network.extraKeys.filter({ same($0, key) }).count == 1 {
                    check(same(again.extraValues[j], network.extraValues[k]), "\(what): extra '\(key)' changed")
                }
            }
        }
    }

    /// Byte-wise equality (Swift's `String ==` treats canonically equivalent text as equal; ids do not).
    static func same(_ a: String, _ b: String) -> Bool { a.utf8.elementsEqual(b.utf8) }

    /// Byte-wise equality of two lists of text.
    static func same(_ a: [String], _ b: [String]) -> Bool {
        a.count == b.count && zip(a, b).allSatisfy { same($0, $1) }
    }

    /// A broken promise: crash with the reason.
    static func check(_ condition: @autoclosure () -> Bool, _ message: @autoclosure () -> String) {
        if !condition() { fatalError(message()) }
    }

    /// Where `needle` first occurs in `haystack`.
    static func firstRange(of needle: [UInt8], in haystack: [UInt8]) -> Range<Int>? {
        guard haystack.count >= needle.count else { return nil }
        for start in 0...(haystack.count - needle.count) where haystack[start] == needle[0] {
            if haystack[start..<start + needle.count].elementsEqual(needle) { return start..<start + needle.count }
        }
        return nil
    }
}

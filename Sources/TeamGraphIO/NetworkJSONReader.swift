import Foundation
import TeamGraph

/// Reads the JSON form `{"people": [...], "teams": [...]}` (design §4).
///
/// Keys TeamGraph does not know are kept like extra columns (in key order, since JSON objects
/// have no order of their own). Numbers and booleans given where text is expected are taken as text.
public enum NetworkJSONReader {
    /// Parses the JSON bytes; returns the people, the teams if the document has a `teams` list, and
    /// every problem found.
    public static func read(_ data: [UInt8], file: String, options: ReadOptions = ReadOptions()) -> (
        PeopleTable, TeamTable?, [Problem]
    ) {
        var values = ValueReading(options)
        var people = PeopleTable(source: SourceMap(file: file, jsonArray: "people"))
        var problems: [Problem] = []
        defer { if let warn = options.warn, problems.isEmpty { values.warnings(file: file).forEach(warn) } }
        let root: Any
        do {
            root = try JSONSerialization.jsonObject(with: Data(data), options: [])
        } catch {
            let detail = (error as NSError).userInfo[NSDebugDescriptionErrorKey] as? String ?? "\(error)"
            // "... around character 37." → line and column.
            if let match = detail.firstMatch(of: /(.*) around (?:line \d+, column \d+|character (\d+))\.?/),
                let offset = match.2.flatMap({ Int($0) }), offset <= data.count
            {
                let before = data[..<offset]
                let line = 1 + before.count(where: { $0 == 0x0A })
                let column = offset - (before.lastIndex(of: 0x0A).map { $0 + 1 } ?? 0) + 1
                return (
                    people, nil,
                    [Problem(file: file, line: line, column: column, message: "not valid JSON: \(match.1)")]
                )
            }
            return (people, nil, [Problem(file: file, message: "not valid JSON: \(detail)")])
        }
        guard let object = root as? [String: Any], let list = object["people"] as? [Any] else {
            return (people, nil, [Problem(file: file, message: "expected an object with a \"people\" array")])
        }
        let peopleRecords = records(list, array: "people", file: file, problems: &problems)
        guard !peopleRecords.isEmpty else {
            return (
                people, nil,
                [Problem(file: file, path: "people", message: "the \"people\" array is empty: no people to read")]
            )
        }
        let knownPeople = Set(Field.allCases.map(\.rawValue))
        people.extraKeys = extraKeys(peopleRecords, known: knownPeople)
        if let problem = tooManyExtraValues(
            keys: people.extraKeys.count, records: peopleRecords.count, file: file, array: "people")
        {
            return (people, nil, [problem])
        }
        people.extraValues = Array(repeating: [], count: people.extraKeys.count)
        people.reserveCapacity(peopleRecords.count)
        for (i, record) in peopleRecords.enumerated() {
            func text(_ key: String) -> String {
                NetworkJSONReader.text(record[key], at: people.source, record: i, key: key, problems: &problems)
            }
            // Every field is read, in declaration order (the order problems are reported in).
            var joined: Day?
            var status = Status.active
            for field in Field.allCases {
                let value = text(field.rawValue).trimmingSpaces
                switch field {
                case .id: people.ids.append(value)
                case .name: people.names.append(value)
                case .sponsor: people.sponsors.append(value)
                case .owner: people.owners.append(value)
                case .role: people.roles.append(value)
                case .team: people.teams.append(value)
                case .joined:
                    if value.isEmpty { continue }
                    switch values.joined(value) {
                    case .success(let day): joined = day
                    case .failure(let failure):
                        problems.append(people.source.problem(record: i, field: .joined, text: failure.text))
                    }
                case .status:
                    switch values.status(value) {
                    case .success(let parsed): status = parsed
                    case .failure(let failure):
                        problems.append(people.source.problem(record: i, field: .status, text: failure.text))
                    }
                }
            }
            people.joined.append(joined)
            people.statuses.append(status)
            for (k, key) in people.extraKeys.enumerated() { people.extraValues[k].append(text(key)) }
        }
        people.layout = .canonical(extraKeys: people.extraKeys)

        var teams: TeamTable?
        if let teamList = object["teams"] {
            var table = TeamTable(source: SourceMap(file: file, jsonArray: "teams"))
            if let teamList = teamList as? [Any] {
                let teamRecords = records(teamList, array: "teams", file: file, problems: &problems)
                table.extraKeys = extraKeys(teamRecords, known: Set(TeamField.allCases.map(\.rawValue)))
                if let problem = tooManyExtraValues(
                    keys: table.extraKeys.count, records: teamRecords.count, file: file, array: "teams")
                {
                    return (people, nil, problems + [problem])
                }
                table.extraValues = Array(repeating: [], count: table.extraKeys.count)
                for (t, record) in teamRecords.enumerated() {
                    func text(_ key: String) -> String {
                        NetworkJSONReader.text(record[key], at: table.source, record: t, key: key, problems: &problems)
                    }
                    for field in TeamField.allCases {
                        let value = text(field.rawValue).trimmingSpaces
                        switch field {
                        case .id: table.ids.append(value)
                        case .name: table.names.append(value)
                        case .lead: table.leads.append(value)
                        }
                    }
                    for (k, key) in table.extraKeys.enumerated() { table.extraValues[k].append(text(key)) }
                }
                table.layout = .canonical(extraKeys: table.extraKeys)
            } else {
                problems.append(Problem(file: file, path: "teams", message: "expected an array of teams"))
            }
            teams = table
        }
        return (people, teams, problems)
    }

    private static func records(_ list: [Any], array: String, file: String, problems: inout [Problem]) -> [[String:
        Any]]
    {
        var result: [[String: Any]] = []
        result.reserveCapacity(list.count)
        for (i, item) in list.enumerated() {
            if let record = item as? [String: Any] {
                result.append(record)
            } else {
                problems.append(Problem(file: file, path: "\(array)[\(i)]", message: "expected an object"))
                result.append([:])
            }
        }
        return result
    }

    /// The most extra values (distinct extra keys × records) one array may imply.
    ///
    /// Extra keys are kept as columns, a value for every record, as a CSV file has them; in JSON
    /// each record may bring keys of its own, so a small file could otherwise ask for billions of
    /// values (20,000 people with a distinct key each: 400,000,000).
    static let maximumExtraValues = 20_000_000

    private static func tooManyExtraValues(keys: Int, records: Int, file: String, array: String) -> Problem? {
        let (values, overflow) = keys.multipliedReportingOverflow(by: records)
        guard overflow || values > maximumExtraValues else { return nil }
        return Problem(
            file: file, path: array,
            message:
                "\(records) records use \(keys) different extra keys; every extra key becomes a column with a value for every record, and \(keys) × \(records) is more than the \(maximumExtraValues) values TeamGraph keeps: gather rarely used keys under one key"
        )
    }

    private static func extraKeys(_ records: [[String: Any]], known: Set<String>) -> [String] {
        var keys = Set<String>()
        for record in records { for key in record.keys where !known.contains(key) { keys.insert(key) } }
        return keys.sorted()
    }

    private static func text(
        _ value: Any?, at source: SourceMap, record: Int, key: String, problems: inout [Problem]
    ) -> String {
        switch value {
        case nil, is NSNull: return ""
        case let string as String: return string
        case let number as NSNumber:
            return number.stringValue
        default:
            problems.append(source.problem(record: record, field: key, "\(key): expected text, found a list or object"))
            return ""
        }
    }
}

import TeamGraph

/// Writes a network back as CSV or JSON, losing nothing that was read: extra columns are kept in
/// their place, known columns keep their original header spelling.
///
/// Values are written in canonical form: dates as `YYYY-MM-DD`, statuses in English.
public enum NetworkWriter {
    /// The people as CSV, in the column order they were read in (canonical order for JSON input).
    public static func peopleCSV(_ network: Network, to output: inout OutputBuffer) throws {
        var layout = network.layout
        if layout.columns.isEmpty { layout = .canonical(extraKeys: network.extraKeys) }
        writeHeader(csvHeaders(layout, known: HeaderSpellings.people), to: &output)
        for i in 0..<network.count {
            for (k, column) in layout.columns.enumerated() {
                if k > 0 { output.append(byte: UInt8(ascii: ",")) }
                switch column {
                case .field(let field): CSVEscaping.append(value(of: field, person: Int32(i), in: network), to: &output)
                case .extra(let e): CSVEscaping.append(network.extraValues[e][i], to: &output)
                }
            }
            output.append(byte: 0x0A)
            try output.flushIfFull()
        }
    }

    /// The teams as CSV (`id,name,lead` and their extra columns, in their original order).
    public static func teamsCSV(_ network: Network, to output: inout OutputBuffer) throws {
        var layout = network.teamLayout
        if layout.columns.isEmpty { layout = .canonical(extraKeys: network.teamExtraKeys) }
        writeHeader(csvHeaders(layout, known: HeaderSpellings.teams), to: &output)
        for team in network.teams {
            for (k, column) in layout.columns.enumerated() {
                if k > 0 { output.append(byte: UInt8(ascii: ",")) }
                switch column {
                case .field(let field): CSVEscaping.append(value(of: field, team: team, in: network), to: &output)
                case .extra(let e): CSVEscaping.append(team.extras[e], to: &output)
                }
            }
            output.append(byte: 0x0A)
        }
    }

    /// The whole network as `{"people": [...], "teams": [...]}`; `teams` only when teams are defined.
    public static func json(_ network: Network, to output: inout OutputBuffer) throws {
        output.append("{\n  \"people\": [")
        let known = Field.allCases.map { JSONEscaping.quoted($0.rawValue) + ": " }
        let extras = jsonKeys(extras: network.extraKeys, known: Field.allCases.map(\.rawValue)).map {
            JSONEscaping.quoted($0) + ": "
        }
        let teamExtras = jsonKeys(extras: network.teamExtraKeys, known: TeamField.allCases.map(\.rawValue))
        for i in 0..<network.count {
            output.append(i == 0 ? "\n    {" : ",\n    {")
            for (k, field) in Field.allCases.enumerated() {
                if k > 0 { output.append(", ") }
                output.append(known[k])
                let text = value(of: field, person: Int32(i), in: network)
                if text.isEmpty && isNullWhenEmpty(field) {
                    output.append("null")
                } else {
                    JSONEscaping.append(text, to: &output)
                }
            }
            for (e, key) in extras.enumerated() {
                output.append(", ")
                output.append(key)
                JSONEscaping.append(network.extraValues[e][i], to: &output)
            }
            output.append("}")
            try output.flushIfFull()
        }
        output.append(network.count == 0 ? "]" : "\n  ]")
        if network.teamsDefined {
            output.append(",\n  \"teams\": [")
            for (t, team) in network.teams.enumerated() {
                output.append(t == 0 ? "\n    {" : ",\n    {")
                for (k, field) in TeamField.allCases.enumerated() {
                    if k > 0 { output.append(", ") }
                    JSONEscaping.append(field.rawValue, to: &output)
                    output.append(": ")
                    let text = value(of: field, team: team, in: network)
                    if text.isEmpty && isNullWhenEmpty(field) {
                        output.append("null")
                    } else {
                        JSONEscaping.append(text, to: &output)
                    }
                }
                for (e, key) in teamExtras.enumerated() {
                    output.append(", ")
                    JSONEscaping.append(key, to: &output)
                    output.append(": ")
                    JSONEscaping.append(team.extras[e], to: &output)
                }
                output.append("}")
            }
            output.append(network.teams.isEmpty ? "]" : "\n  ]")
        }
        output.append("\n}\n")
    }

    /// The JSON keys of extra values: each key as it is, unless it is a key of a known field or
    /// repeats an earlier key (a CSV may have two `city` columns; a JSON object cannot have two
    /// `city` keys); then `key (2)`, `key (3)`, ... so that no value is lost or overwritten.
    static func jsonKeys(extras: [String], known: [String]) -> [String] {
        var used = Set(known)
        return extras.map { key in
            let unique = suffixed(key) { used.contains($0) }
            used.insert(unique)
            return unique
        }
    }

    /// The CSV headers of `layout`: each as it is, unless an extra column's header would be read
    /// as a known field (a JSON key `Sponsor` or `姓名`); then `key (2)`, ... so that the file
    /// reads back with the value still an extra column.
    static func csvHeaders<Known: FieldVocabulary>(
        _ layout: ColumnLayout<Known>, known: [(field: Known, headers: [String])]
    ) -> [String] {
        zip(layout.columns, layout.headers).map { column, header in
            guard case .extra = column else { return header }
            return suffixed(header) { HeaderSpellings.field(for: $0, in: known, mappings: [:]) != nil }
        }
    }

    /// `key`, or the first of `key (2)`, `key (3)`, ... that is not `taken`.
    private static func suffixed(_ key: String, taken: (String) -> Bool) -> String {
        var candidate = key
        var number = 1
        while taken(candidate) {
            number += 1
            candidate = "\(key) (\(number))"
        }
        return candidate
    }

    private static func writeHeader(_ headers: [String], to output: inout OutputBuffer) {
        for (k, header) in headers.enumerated() {
            if k > 0 { output.append(byte: UInt8(ascii: ",")) }
            CSVEscaping.append(header, to: &output)
        }
        output.append(byte: 0x0A)
    }

    /// Person `i`'s `field` as written: ids for references, `YYYY-MM-DD`, statuses in English;
    /// empty for none.
    private static func value(of field: Field, person i: Int32, in network: Network) -> String {
        let index = Int(i)
        switch field {
        case .id: return network.ids[index]
        case .name: return network.names[index]
        case .sponsor:
            let s = network.sponsor.parents[index]
            return s >= 0 ? network.ids[Int(s)] : ""
        case .owner:
            let o = network.owner.parents[index]
            return o >= 0 ? network.ids[Int(o)] : ""
        case .role: return network.roles[index]
        case .team:
            let t = network.teamIndex[index]
            return t >= 0 ? network.teams[Int(t)].id : ""
        case .joined: return network.joined[index]?.description ?? ""
        case .status: return network.statuses[index].description
        }
    }

    /// `team`'s `field` as written: the lead by id, empty for none.
    private static func value(of field: TeamField, team: Team, in network: Network) -> String {
        switch field {
        case .id: team.id
        case .name: team.name
        case .lead: team.lead.map { network.ids[Int($0)] } ?? ""
        }
    }

    /// Whether an empty `field` is written as JSON `null` (a missing reference or day) rather than `""`.
    private static func isNullWhenEmpty(_ field: Field) -> Bool {
        switch field {
        case .sponsor, .owner, .team, .joined: true
        case .id, .name, .role, .status: false
        }
    }

    /// Whether an empty team `field` is written as JSON `null` rather than `""`.
    private static func isNullWhenEmpty(_ field: TeamField) -> Bool {
        switch field {
        case .lead: true
        case .id, .name: false
        }
    }
}

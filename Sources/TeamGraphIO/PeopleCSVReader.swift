import TeamGraph

/// Reads a people CSV (design §4) into a `PeopleTable` (TeamGraph).
public enum PeopleCSVReader {
    /// Parses the bytes of a people CSV; `file` names it in problems.
    ///
    /// Every problem in the file is returned (syntax, ragged rows, invalid UTF-8, dates, statuses),
    /// not only the first; the table holds whatever could be read.
    public static func read(_ data: [UInt8], file: String, options: ReadOptions = ReadOptions()) -> (
        PeopleTable, [Problem]
    ) {
        let bytes: [UInt8]
        switch options.encoding.utf8Bytes(of: data, file: file) {
        case .success(let decoded): bytes = decoded
        case .failure(let problem): return (PeopleTable(source: SourceMap(file: file)), [problem])
        }
        let reader = CSVTableReader(
            file: file, known: HeaderSpellings.people, mappings: options.mappings, trimmedFields: Set(Field.allCases))
        return bytes.withUnsafeBufferPointer { input in
            // Parsing the two halves of a large file on two threads was measured and gave no
            // gain on this project's 2-core machines (more CPU time, same wall time): one pass.
            var people = Accumulator(file: file, estimate: input.count / 48, options: options)
            let (_, problems) = reader.read(
                input,
                onHeader: { people.start(layout: $0, columns: $1, extras: $2) }, onRow: { people.add(&$0, $1) })
            people.problems += problems
            let (table, found) = people.finish()
            // A refused file gets its problems only: the warnings would be noise among them.
            if let warn = options.warn, found.isEmpty { people.warnings.forEach(warn) }
            return (table, found)
        }
    }

    /// The people read so far, with the problems met.
    struct Accumulator {
        let file: String
        var table: PeopleTable
        var problems: [Problem] = []
        var lines: [Int32] = []
        var hasID = false
        var hasRelation = false
        let estimate: Int
        var values: ValueReading

        init(file: String, estimate: Int, options: ReadOptions = ReadOptions()) {
            self.file = file
            self.estimate = estimate
            values = ValueReading(options)
            table = PeopleTable(source: SourceMap(file: file))
        }

        mutating func start(layout: ColumnLayout<Field>, columns: [Field: Int], extras: [String]) {
            table.layout = layout
            table.source.columns = SourceMap.columns(columns)
            table.extraKeys = extras
            table.extraValues = Array(repeating: [], count: extras.count)
            table.reserveCapacity(estimate)
            lines.reserveCapacity(estimate)
            hasID = columns[.id] != nil
            hasRelation = columns[.sponsor] != nil || columns[.owner] != nil
            if !hasID {
                problems.append(
                    Problem(
                        file: file, line: 1,
                        text:
                            "no id column (expected one of: \(HeaderSpellings.headers(for: Field.id).joined(separator: ", ")); or name it with \(setting: .map, "id=HEADER"))"
                    ))
            }
        }

        mutating func add(_ row: inout CSVTableReader<Field>.Row, _ roles: [CSVTableReader<Field>.Role]) {
            guard hasID else { return }
            let line = row.record.line
            var id = ""
            var name = ""
            var sponsor = ""
            var owner = ""
            var role = ""
            var team = ""
            var joined: Day? = nil
            var status = Status.active
            for k in roles.indices {
                switch roles[k] {
                case .extra(let e):
                    table.extraValues[e].append(row.value(k) ?? "")
                // Dates and empty statuses are read from the bytes: no String per row.
                case .field(.joined) where row.isEmpty(k): continue
                case .field(.status) where row.isEmpty(k): continue
                case .field(let field):
                    if field == .joined, let day = row.day(k) {
                        joined = day
                        continue
                    }
                    guard let text = row.value(k) else { continue }
                    switch field {
                    case .id: id = text
                    case .name: name = text
                    case .sponsor: sponsor = text
                    case .owner: owner = text
                    case .role: role = text
                    case .team: team = text
                    case .joined:
                        if !text.isEmpty {
                            switch values.joined(text) {
                            case .success(let day): joined = day
                            case .failure(let failure):
                                problems.append(
                                    Problem(file: file, line: line, column: k + 1, text: failure.text))
                            }
                        }
                    case .status:
                        switch values.status(text) {
                        case .success(let parsed): status = parsed
                        case .failure(let failure):
                            problems.append(Problem(file: file, line: line, column: k + 1, text: failure.text))
                        }
                    }
                }
            }
            table.ids.append(id)
            table.names.append(name)
            table.sponsors.append(sponsor)
            table.owners.append(owner)
            table.roles.append(role)
            table.teams.append(team)
            table.joined.append(joined)
            table.statuses.append(status)
            lines.append(Int32(line))
        }

        func finish() -> (PeopleTable, [Problem]) {
            var table = table
            var problems = problems
            if hasID && table.count == 0 && problems.isEmpty {
                problems.append(Problem(file: file, line: 2, message: "the file has a header but no people"))
            }
            table.source.lines = lines
            return (table, Problem.inFileOrder(problems, firstFile: file))
        }

        /// What the user should know although the file loads.
        var warnings: [Problem] {
            var warnings = values.warnings(file: file)
            if hasID && !hasRelation && table.count > 0 { warnings.insert(noRelationWarning, at: 0) }
            return warnings
        }

        /// Every person is a root: names the headers seen and the `--map` that would use one,
        /// preferring the column whose values are most often ids of people in the file.
        var noRelationWarning: Problem {
            let headers = table.layout.headers
            var advice: ProblemText =
                "if one of them holds the sponsor or the owner, name it with \(setting: .map, "sponsor=HEADER") or \(setting: .map, "owner=HEADER")"
            let ids = Set(table.ids)
            var best: (header: String, hits: Int, filled: Int)?
            for (e, key) in table.extraKeys.enumerated() {
                let filled = table.extraValues[e].count(where: { !$0.isEmpty })
                let hits = table.extraValues[e].count(where: { !$0.isEmpty && ids.contains($0.trimmingSpaces) })
                if hits * 2 > filled, hits > best?.hits ?? 0 { best = (key, hits, filled) }
            }
            if let best {
                advice =
                    "column '\(best.header)' looks like one (\(best.hits) of its \(best.filled) values are ids of people in the file): \(setting: .map, "sponsor=\(best.header)") or \(setting: .map, "owner=\(best.header)")"
            }
            return Problem(
                file: file, line: 1,
                text:
                    "no sponsor or owner column, so everyone is a root (headers: \(headers.joined(separator: ", "))); \(advice)"
            )
        }
    }
}

/// Reads a teams CSV (`id`, `name`, `lead`; design §4) into a `TeamTable` (TeamGraph).
public enum TeamsCSVReader {
    /// Parses the bytes of a teams CSV; `file` names it in problems.
    public static func read(_ data: [UInt8], file: String, options: ReadOptions = ReadOptions()) -> (
        TeamTable, [Problem]
    ) {
        var table = TeamTable(source: SourceMap(file: file))
        let bytes: [UInt8]
        switch options.encoding.utf8Bytes(of: data, file: file) {
        case .success(let decoded): bytes = decoded
        case .failure(let problem): return (table, [problem])
        }
        let reader = CSVTableReader(
            file: file, known: HeaderSpellings.teams, mappings: [:], trimmedFields: Set(TeamField.allCases))
        var problems: [Problem] = []
        var lines: [Int32] = []
        var hasID = false
        problems += bytes.withUnsafeBufferPointer { input in
            reader.read(
                input,
                onHeader: { layout, columns, extras in
                    table.layout = layout
                    table.source.columns = SourceMap.columns(columns)
                    table.extraKeys = extras
                    table.extraValues = Array(repeating: [], count: extras.count)
                    hasID = columns[.id] != nil
                    if !hasID {
                        problems.append(Problem(file: file, line: 1, message: "no id column (expected id, name, lead)"))
                    }
                },
                onRow: { row, roles in
                    guard hasID else { return }
                    let line = row.record.line
                    var id = ""
                    var name = ""
                    var lead = ""
                    for k in roles.indices {
                        switch roles[k] {
                        case .extra(let e): table.extraValues[e].append(row.value(k) ?? "")
                        case .field(.id): id = row.value(k) ?? ""
                        case .field(.name): name = row.value(k) ?? ""
                        case .field(.lead): lead = row.value(k) ?? ""
                        }
                    }
                    table.ids.append(id)
                    table.names.append(name)
                    table.leads.append(lead)
                    lines.append(Int32(line))
                }
            ).1
        }
        table.source.lines = lines
        return (table, Problem.inFileOrder(problems, firstFile: file))
    }
}

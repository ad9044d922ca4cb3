import TeamGraph
import TeamGraphIO

/// `inspect`: how a people file will be read, column by column, and its first problems,
/// without failing on them.
public struct InspectRequest: UseCaseRequest {
    /// The file and how to read it.
    public var file: NetworkFile

    /// Creates the request.
    public init(file: NetworkFile) { self.file = file }

    /// The inspection.
    public func run() throws(UseCaseError) -> FileInspection {
        FileInspection.inspect(path: file.path, teamsPath: file.teams, options: file.options)
    }
}

extension FileInspection {
    /// One row per column: number (or letter), header, field read, values, readable values,
    /// samples and notes on date forms and unknown status words.
    public var columnRecords: Records {
        let rows: [[Cell]] = columns.map { column in
            var notes: [String] = []
            if column.field == .id, let readable = column.readable, readable < column.filled {
                notes.append("\(column.filled - readable) repeated")
            }
            if !column.dateForms.isEmpty {
                notes.append(column.dateForms.map { "\($0.form) × \($0.count)" }.joined(separator: ", "))
            }
            if !column.unknownWords.isEmpty {
                notes.append(
                    "unknown: " + column.unknownWords.map { "'\($0.word)' × \($0.count)" }.joined(separator: ", "))
            }
            return [
                .text(column.letter ?? String(column.number)), .text(column.header),
                .text(column.field.map { $0.rawValue + (column.mapped ? " (mapped)" : "") } ?? "kept as is"),
                .int(column.filled), column.readable.map(Cell.int) ?? .none,
                .text(column.samples.joined(separator: ", ")), .text(notes.joined(separator: "; ")),
            ]
        }
        return Records(
            columns: ["column", "header", "read as", "values", "readable", "samples", "notes"], rows: rows)
    }

    /// The whole inspection as JSON: the file, its kind and rows, the columns, warnings and
    /// problems, with reading settings named in plain words.
    public var json: JSONValue { json(spelling: ProblemText.plainWords) }

    /// The whole inspection as JSON, with every reading setting spelled by `spelling`.
    public func json(spelling: (ReadingSetting, String) -> String) -> JSONValue {
        .object([
            "file": .string(file), "kind": .string(kind), "rows": .int(rows), "columns": .records(columnRecords),
            "warnings": .array(warnings.map { .string($0.description(spelling: spelling)) }),
            "problems": .array(problems.map { .string($0.description(spelling: spelling)) }),
            "problemCount": .int(problemCount),
        ])
    }
}

import CSV
import Foundation
import TeamGraphIO

// Reads one people CSV into columns of strings, both ways, and prints seconds for each.
// Usage: csv-reader-bench FILE
let path = CommandLine.arguments[1]
let data = [UInt8](FileManager.default.contents(atPath: path)!)

func seconds(_ body: () -> Int) -> (Double, Int) {
    let start = DispatchTime.now().uptimeNanoseconds
    let count = body()
    return (Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9, count)
}

let (ours, ourRows) = seconds {
    let (table, _) = PeopleCSVReader.read(data, file: path)
    return table.count
}

let (theirs, theirRows) = seconds {
    // The same work: every field of every row as a String, kept in columns.
    let reader = try! CSVReader(stream: InputStream(fileAtPath: path)!, hasHeaderRow: true)
    var columns = [[String]](repeating: [], count: reader.headerRow!.count)
    var rows = 0
    while let row = reader.next() {
        for (k, field) in row.enumerated() where k < columns.count { columns[k].append(field) }
        rows += 1
    }
    return rows
}

print("rows: \(ourRows) (TeamGraphIO) / \(theirRows) (CSV.swift)")
print(String(format: "TeamGraphIO PeopleCSVReader: %.2f s (parse, header mapping, dates, statuses)", ours))
print(String(format: "CSV.swift 2.5.2 CSVReader:   %.2f s (parse to strings only)", theirs))
print(String(format: "ratio: %.1fx", theirs / ours))

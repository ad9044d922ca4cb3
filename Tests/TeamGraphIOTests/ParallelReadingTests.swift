@testable import TeamGraphIO
import TeamGraph
import Testing

/// Large files are parsed in two halves on two threads: the result must not depend on it.
@Suite struct ParallelReadingTests {
    static func file(rows: Int, crlf: Bool) -> String {
        let end = crlf ? "\r\n" : "\n"
        var text = "\(end)id,name,sponsor,备注,joined\(end)"
        for i in 0..<rows {
            let note = i % 7 == 0 ? "\"line one\(end)line \"\"two\"\"\"" : (i % 5 == 0 ? "\"a, b\"" : "x\(i)")
            let date = i == rows / 2 ? "2026-02-30" : "2026-01-0\(1 + i % 9)"
            let extra = i == rows / 2 + 1 ? ",surplus" : ""
            text += "p\(i),名字\(i),\(i == 0 ? "" : "p\((i - 1) / 2)"),\(note),\(date)\(extra)\(end)"
            if i % 97 == 0 { text += end }
        }
        return text
    }

    @Test(arguments: [false, true])
    func halvesGiveTheSameTableAndProblems(crlf: Bool) {
        let bytes = Array(Self.file(rows: 3000, crlf: crlf).utf8)
        let (whole, wholeProblems) = PeopleCSVReader.read(bytes, file: "f.csv", options: ReadOptions(), parallelThreshold: .max)
        let (halves, halvesProblems) = PeopleCSVReader.read(bytes, file: "f.csv", options: ReadOptions(), parallelThreshold: 1)
        #expect(whole.count == 3000)
        #expect(halves.ids == whole.ids)
        #expect(halves.names == whole.names)
        #expect(halves.sponsors == whole.sponsors)
        #expect(halves.joined == whole.joined)
        #expect(halves.extraValues == whole.extraValues)
        #expect(halves.source.lines == whole.source.lines)
        #expect(halvesProblems == wholeProblems)
        #expect(wholeProblems.count == 2)  // the invalid date and the ragged row
    }
}

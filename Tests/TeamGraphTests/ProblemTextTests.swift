import TeamGraph
import Testing

@Suite struct ProblemTextTests {
    @Test func mentionsAreDataThatEachShellSpells() {
        let text: ProblemText =
            "joined: '3/4/2026' needs \(setting: .dateOrder, "mdy") or \(setting: .dateOrder, "dmy")"
        #expect(
            text.segments == [
                .text("joined: '3/4/2026' needs "), .setting(.dateOrder, value: "mdy"), .text(" or "),
                .setting(.dateOrder, value: "dmy"),
            ])
        #expect(text.description == "joined: '3/4/2026' needs the date order mdy or the date order dmy")
        #expect(
            text.rendered { "<\($0.rawValue)=\($1)>" } == "joined: '3/4/2026' needs <dateOrder=mdy> or <dateOrder=dmy>")
    }

    @Test func embeddedTextKeepsItsMentionsAndPlainTextJoins() {
        let hint: ProblemText = " (try \(setting: .encoding, "gb18030"))"
        let text: ProblemText = "not valid UTF-8\(hint)"
        #expect(text.segments == [.text("not valid UTF-8 (try "), .setting(.encoding, value: "gb18030"), .text(")")])
        let plain: ProblemText = "a \(3) b"
        #expect(plain.segments == [.text("a 3 b")])
    }

    @Test func aProblemsMessageAndReportUseTheSpellingGiven() {
        let problem = Problem(file: "p.csv", line: 2, column: 3, text: "status: see \(setting: .unknownStatus)")
        #expect(problem.message == "status: see the unknown-status setting")
        #expect(
            problem.description(spelling: { s, _ in "--\(s.rawValue)" }) == "p.csv:2:3: status: see --unknownStatus")
        let input = InvalidInput(problems: [problem])
        #expect(input.report(spelling: { s, _ in "X" }) == "p.csv:2:3: status: see X\n1 problem found")
        #expect(input.report() == "p.csv:2:3: status: see the unknown-status setting\n1 problem found")
    }
}

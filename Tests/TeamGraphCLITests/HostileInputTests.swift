import Foundation
import TeamGraphTestSupport
import Testing

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Inputs and options that once crashed or hung `teamgraph` (issue 15): each is answered with a
/// clear message and exit 2 (or a normal answer), never a signal, a hang or a file left behind.
@Suite struct HostileInputTests {
    /// Runs `script` with `sh -c`, the built binary as `$TG`, bounded by `timeout` so a hang fails
    /// the test (exit 124) instead of stalling the suite.
    func shell(_ script: String, in directory: URL) throws -> RunResult {
        try Teamgraph.run(
            ["-c", "timeout 30 \"$TG\" " + script], in: directory,
            environment: ["TG": Teamgraph.binary.path], executable: URL(fileURLWithPath: "/bin/sh"))
    }

    @Test(arguments: ["2026-01-99999999999999999999", "99999999999999999999-01-01", "2026-99999999999999999999-01"])
    func hugeDatePartsAreRefusedInCSV(date: String) throws {
        let file = Fixtures.write("id,name,joined\nA,Ann,\(date)\n")
        for command in ["validate", "stats", "gaps"] {
            let result = try Teamgraph.run([command, file])
            #expect(result.status == 2, "\(result)")
            #expect(
                result.stderr
                    == "\(file):2:3: joined: '\(date)' is not a valid date (expected YYYY-MM-DD, YYYY/M/D, YYYY.M.D or YYYY年M月D日)\n1 problem found\n"
            )
            #expect(result.stdout == "")
        }
    }

    @Test func hugeDatePartsAreRefusedInJSON() throws {
        let file = Fixtures.write(
            #"{"people": [{"id": "A", "joined": "2026-01-99999999999999999999"}]}"#, name: "p.json")
        let result = try Teamgraph.run(["stats", file])
        #expect(result.status == 2, "\(result)")
        #expect(result.stderr.contains("people[0].joined: joined: '2026-01-99999999999999999999' is not a valid date"))
    }

    @Test func hugeAsOfIsAUsageError() throws {
        let result = try Teamgraph.run(["stats", "Samples/network.csv", "--as-of", "2026-01-99999999999999999999"])
        #expect(result.status == 2)
        #expect(result.stderr == "teamgraph: '2026-01-99999999999999999999' is not a date (expected YYYY-MM-DD)\n")
    }

    /// Every active person who joined at all is a newcomer when the window reaches before any day.
    @Test(arguments: [
        ["--newcomer-days", "3000000000"], ["--newcomer-days", "2147483647", "--as-of", "1000-01-01"],
        ["--newcomer-days", String(Int.max), "--as-of", "0001-01-01"],
    ])
    func hugeNewcomerWindowsCountEveryoneWhoJoined(options: [String]) throws {
        let file = Fixtures.write("id,joined,status\nA,2026-01-01,\nB,,\nC,1999-05-05,left\nD,0500-01-01,\n")
        let result = try Teamgraph.run(["stats", file] + options)
        #expect(result.status == 0, "\(result)")
        #expect(result.stdout.contains(#""newcomers": 2"#), "\(result)")
    }

    @Test func numbersBeyondIntAreUsageErrors() throws {
        let result = try Teamgraph.run(["stats", "Samples/network.csv", "--newcomer-days", "99999999999999999999999"])
        #expect(result.status == 2)
        #expect(result.stderr.contains("--newcomer-days"))
    }

    @Test(arguments: ["2>&-", "2>/dev/full"])
    func closedOrFullStandardErrorStillExits2(redirect: String) throws {
        let dir = Fixtures.temporaryDirectory()
        try Data("id,sponsor\nA,nobody\n".utf8).write(to: dir.appendingPathComponent("p.csv"))
        for arguments in ["validate p.csv", "stats missing.csv", "stats p.csv --as-of never", "no-such-command"] {
            let result = try shell("\(arguments) \(redirect)", in: dir)
            #expect(result.status == 2, "\(arguments): \(result)")
        }
        #expect(try shell("stats p.csv --as-of never \(redirect) >/dev/full", in: dir).status == 2)
    }

    @Test func fifosAreRefusedWithoutWaitingForAWriter() throws {
        let dir = Fixtures.temporaryDirectory()
        try Data("id,name\nA,Ann\n".utf8).write(to: dir.appendingPathComponent("p.csv"))
        for name in ["fifo.csv", "fifo.json", "teams-fifo.csv"] {
            #expect(mkfifo(dir.appendingPathComponent(name).path, 0o600) == 0)
        }
        for (arguments, file) in [
            ("stats fifo.csv", "fifo.csv"), ("stats fifo.json", "fifo.json"),
            ("stats p.csv --teams teams-fifo.csv", "teams-fifo.csv"), ("validate /dev/zero", "/dev/zero"),
        ] {
            let result = try shell(arguments, in: dir)
            #expect(result.status == 2, "\(arguments): \(result)")
            #expect(result.stderr == "\(file): cannot be read (not a regular file)\n1 problem found\n")
        }
    }

    @Test func emptyPeopleArrayIsNamed() throws {
        let file = Fixtures.write(#"{"people": []}"#, name: "p.json")
        let result = try Teamgraph.run(["validate", file])
        #expect(result.status == 2)
        #expect(result.stderr == "\(file): people: the \"people\" array is empty: no people to read\n1 problem found\n")
    }

    /// 20,000 people with a key of their own each would be 400,000,000 extra values: refused at
    /// once with the reason, while a few hundred such keys are kept and written back.
    @Test func distinctExtraKeysPerPersonAreBounded() throws {
        let many = (0..<20_000).map { #"{"id": "p\#($0)", "k\#($0)": "v"}"# }.joined(separator: ",\n")
        let file = Fixtures.write(#"{"people": [\#(many)]}"#, name: "many.json")
        let result = try Teamgraph.run(["validate", file])
        #expect(result.status == 2)
        #expect(
            result.stderr
                == "\(file): people: 20000 records use 20000 different extra keys; every extra key becomes a column with a value for every record, and 20000 × 20000 is more than the 20000000 values TeamGraph keeps: gather rarely used keys under one key\n1 problem found\n"
        )

        let few = (0..<300).map { #"{"id": "p\#($0)", "k\#($0)": "v\#($0)"}"# }.joined(separator: ",\n")
        let small = Fixtures.write(#"{"people": [\#(few)]}"#, name: "few.json")
        let out = URL(fileURLWithPath: small).deletingLastPathComponent().appendingPathComponent("few.csv").path
        #expect(try Teamgraph.run(["convert", small, "-o", out]).status == 0)
        let csv = try String(contentsOfFile: out, encoding: .utf8).split(separator: "\n")
        #expect(csv.count == 301)
        #expect(csv[0].hasSuffix(",k99"))
        #expect(csv[300].split(separator: ",", omittingEmptySubsequences: false).filter { $0 == "v299" }.count == 1)
    }

    static let hostileName = "\u{1B}]0;pwned\u{07}\u{1B}[2J\u{9B}31m\u{202E}evil\ttab"

    @Test func tablesShowControlCharactersInsteadOfObeyingThem() throws {
        let file = Fixtures.write("id,name,status\nA,\(Self.hostileName),newcomer\n")
        let result = try Teamgraph.run(["gaps", file, "--format", "table"])
        #expect(result.status == 0, "\(result)")
        #expect(!result.stdout.unicodeScalars.contains { $0.value < 0x20 && $0 != "\n" })
        #expect(!result.stdout.unicodeScalars.contains { (0x7F...0x9F).contains($0.value) || $0.value == 0x202E })
        #expect(result.stdout.contains("␛]0;pwned␇␛[2J<U+009B>31m<U+202E>evil␉tab"))
    }

    @Test func messagesShowControlCharactersInsteadOfObeyingThem() throws {
        let file = Fixtures.write("id,status\nA,\u{1B}[2Jgone\n")
        let result = try Teamgraph.run(["validate", file])
        #expect(result.status == 2)
        #expect(!result.stderr.unicodeScalars.contains { $0.value == 0x1B })
        #expect(result.stderr.contains("unknown status '␛[2Jgone'"))
    }

    @Test func csvRecordsNeverStartACellWithAFormula() throws {
        let file = Fixtures.write(
            "id,name,status\n=1+1,\"=HYPERLINK(\"\"http://x\"\")\",newcomer\n@B,+cmd,newcomer\n-C,-2,newcomer\n")
        let result = try Teamgraph.run(["gaps", file, "--format", "csv"])
        #expect(result.status == 0, "\(result)")
        #expect(
            result.stdout == """
                kind,person,team,name,detail
                unowned-newcomer,'=1+1,,"'=HYPERLINK(""http://x"")",newcomer (status newcomer) with no owner
                unowned-newcomer,'@B,,'+cmd,newcomer (status newcomer) with no owner
                unowned-newcomer,'-C,,'-2,newcomer (status newcomer) with no owner

                """)
    }

    /// Under an address-space limit the second thread may not be made, or memory may run out:
    /// loading finishes or fails, it never waits for ever (it once hung at 100 MB).
    @Test(.tags(.slow)) func aTightAddressSpaceNeverHangsLoading() throws {
        let dir = Fixtures.temporaryDirectory()
        try #require(
            try Fixtures.generate(people: 100_000, seed: 7, into: dir.appendingPathComponent("p.csv").path) == 0)
        for limit in stride(from: 90_000, through: 160_000, by: 10_000) {
            let limited = try Teamgraph.run(
                ["-c", "ulimit -v \(limit) && exec timeout 60 \"$TG\" validate p.csv"], in: dir,
                // No crash backtracer: under the limit it can hang holding the output pipes open.
                environment: ["TG": Teamgraph.binary.path, "SWIFT_BACKTRACE": "enable=no"],
                executable: URL(fileURLWithPath: "/bin/sh"))
            #expect(limited.status != 124, "hung at ulimit -v \(limit)")
            #expect(limited.stdout.isEmpty || limited.stdout.hasPrefix("valid: 100000 people"), "\(limited)")
        }
    }
}

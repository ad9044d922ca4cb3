import TeamGraph
import TeamGraphIO
import TeamGraphTestSupport

/// A random valid network, as the people and teams CSV a spreadsheet could export, plus what each
/// person is (to check the reader against).
///
/// Random forests for sponsor and owner (references point forwards as well as backwards), teams
/// defined in a teams file or only implied, every status in English or Chinese, dates in the three
/// accepted forms, Chinese names, names with commas, quotes and line breaks, extra columns, header
/// spellings from ``HeaderSpellings`` in any case and column order, a byte-order mark and CRLF.
struct RandomNetwork: CustomStringConvertible {
    /// One generated person.
    struct Person {
        var id: String
        var name: String
        var sponsor: Int?
        var owner: Int?
        var role: String
        var team: Int?
        var joined: Day?
        var status: Status
        var extras: [String]
    }

    /// One generated team.
    struct Team {
        var id: String
        var name: String
        var lead: Int?
        var budget: String
    }

    var people: [Person] = []
    var teams: [Team] = []
    var teamsDefined = false
    var extraKeys: [String] = []
    /// The people CSV.
    var csv: [UInt8] = []
    /// The teams CSV, when teams are defined.
    var teamsCSV: [UInt8]? = nil

    static let names = [
        "王芳", "李娜", "张伟", "陈静", "欧阳 娜娜", "Li, Wei", #"say "hi""#, "two\nlines", "cr\r\nlf", "Émilie",
        "", "陈静,上海", "=1+2", "😀 Smile", "tab\tinside", "a\"\"b", ",", "\"", "\u{3000}王芳\u{3000}", "Ann\u{A0}",
        "e\u{301}",
    ]
    static let roles = ["", "总监", "manager", "Sales, East", "级别 3"]
    static let teamNames = ["华东一部", "North Star", "West, Launch", "", "\"Q\" team"]
    static let extraKeyPool = ["城市", "备注", "Phone, mobile", #"note "x""#, "Remark\nline 2", "地区"]
    static let statusSpellings: [Status: [String]] = [
        .newcomer: ["newcomer", "Newcomer", "新人"], .active: ["", "active", "ACTIVE", "正常", "在职", "活跃"],
        .inactive: ["inactive", "停用", "暂停", "休眠"], .left: ["left", "离开", "离职", "退出"],
    ]

    var description: String {
        "people.csv:\n" + String(decoding: csv, as: UTF8.self)
            + (teamsCSV.map { "teams.csv:\n" + String(decoding: $0, as: UTF8.self) } ?? "")
    }

    init(seed: UInt64, size: Int) {
        var rng = SplitMix64(state: seed)
        let n = max(1, size)
        func pick<T>(_ list: [T]) -> T { list.randomElement(using: &rng)! }
        func chance(_ p: Double) -> Bool { Double.random(in: 0..<1, using: &rng) < p }
        /// A random forest: each person's parent comes earlier in a random order, or there is none.
        func forest() -> [Int?] {
            let order = (0..<n).shuffled(using: &rng)
            var parents = [Int?](repeating: nil, count: n)
            for (k, person) in order.enumerated() where k > 0 && chance(0.8) {
                parents[person] = order[Int.random(in: 0..<k, using: &rng)]
            }
            return parents
        }
        let idStyles: [(Int) -> String] = [
            { "M\(String(repeating: "0", count: $0 < 10 ? 2 : 1))\($0)" }, { "员工\($0)" }, { "A,\($0)" },
            { "q\"\($0)" }, { "x y \($0)" }, { "\($0)" },
        ]
        let sponsors = forest()
        let owners = forest()
        let teamCount = Int.random(in: 0...3, using: &rng)
        teamsDefined = teamCount > 0 && chance(0.6)
        extraKeys = Array(Self.extraKeyPool.shuffled(using: &rng).prefix(Int.random(in: 0...2, using: &rng)))
        let may = Day(year: 2026, month: 5, day: 1)!
        for i in 0..<n {
            var joined: Day? = nil
            if chance(0.7) {
                joined =
                    chance(0.5)
                    ? may.adding(days: Int.random(in: 0...60, using: &rng))
                    : Day(
                        year: Int.random(in: 2000...2026, using: &rng), month: Int.random(in: 1...12, using: &rng),
                        day: Int.random(in: 1...28, using: &rng))
            }
            people.append(
                Person(
                    id: pick(idStyles)(i + 1), name: pick(Self.names), sponsor: sponsors[i], owner: owners[i],
                    role: pick(Self.roles),
                    team: teamCount > 0 && chance(0.7) ? Int.random(in: 0..<teamCount, using: &rng) : nil,
                    joined: joined, status: pick(Status.allCases), extras: extraKeys.map { _ in pick(Self.names) }))
        }
        for t in 0..<teamCount {
            teams.append(
                Team(
                    id: "T\(t + 1)", name: pick(Self.teamNames),
                    lead: chance(0.7) ? Int.random(in: 0..<n, using: &rng) : nil,
                    budget: pick(["", "1,000", "5", "¥2万"])))
        }

        // The people CSV: header spellings, column order, dates, statuses and line ends at random.
        let crlf = chance(0.3)
        let lineEnd = crlf ? "\r\n" : "\n"
        enum Column {
            case field(Field)
            case extra(Int)
        }
        var columns: [Column] = Field.allCases.map { .field($0) } + extraKeys.indices.map { .extra($0) }
        columns.shuffle(using: &rng)
        var text = chance(0.2) ? "\u{FEFF}" : ""
        text +=
            columns.map { column -> String in
                switch column {
                case .field(let field):
                    let header = pick(HeaderSpellings.people.first { $0.field == field }!.headers)
                    return Self.quoted(chance(0.3) ? header.uppercased() : header)
                case .extra(let e): return Self.quoted(extraKeys[e])
                }
            }.joined(separator: ",") + lineEnd
        for person in people {
            text +=
                columns.map { column -> String in
                    switch column {
                    case .field(.id): return Self.quoted(person.id)
                    case .field(.name): return Self.quoted(person.name)
                    case .field(.sponsor): return Self.quoted(person.sponsor.map { people[$0].id } ?? "")
                    case .field(.owner): return Self.quoted(person.owner.map { people[$0].id } ?? "")
                    case .field(.role): return Self.quoted(person.role)
                    case .field(.team): return Self.quoted(person.team.map { teams[$0].id } ?? "")
                    case .field(.joined):
                        guard let day = person.joined else { return "" }
                        let (y, m, d) = day.components
                        return pick(["\(day)", "\(y)/\(m)/\(d)", "\(day)".replacing("-", with: ".")])
                    case .field(.status): return Self.quoted(pick(Self.statusSpellings[person.status]!))
                    case .extra(let e): return Self.quoted(person.extras[e])
                    }
                }.joined(separator: ",") + lineEnd
        }
        csv = Array(text.utf8)
        if teamsDefined {
            let headers = HeaderSpellings.teams.map { pick($0.headers) }
            var teamText = (headers + ["budget"]).map(Self.quoted).joined(separator: ",") + lineEnd
            for team in teams {
                teamText +=
                    [team.id, team.name, team.lead.map { people[$0].id } ?? "", team.budget].map(Self.quoted)
                    .joined(separator: ",") + lineEnd
            }
            teamsCSV = Array(teamText.utf8)
        }
    }

    /// A CSV field: quoted when it has to be (or when it starts or ends with a space).
    static func quoted(_ value: String) -> String {
        let special = value.contains { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" || $0 == "\r\n" }
        guard special || value.hasPrefix(" ") || value.hasSuffix(" ") else { return value }
        return "\"" + value.replacing("\"", with: "\"\"") + "\""
    }
}

import TeamGraph

/// A 12-person network whose every figure was worked out by hand (see TeamGraphTests).
///
/// Sponsor forest: A → B, C, K, L; B → D, E, F; D → G; H → I → J.
/// Owner forest: A → B, C, E, L; B → D → G; C → F; H → I → J; K has no owner.
/// H has status newcomer, I is inactive, K joined 2026-03-01, L joined 2026-02-28.
/// Teams: T1 (lead A): A B C D E F G K L; T2 (no lead): H I J; T3 (lead G, who is in T1).
public enum SmallNetwork {
    /// `id, name, sponsor, owner, role, team, joined, status` rows.
    public static let rows: [[String]] = [
        ["A", "王芳", "", "", "总监", "T1", "2020-01-01", ""],
        ["B", "李娜", "A", "A", "经理", "T1", "2021-02-03", "在职"],
        ["C", "Bob Chen", "A", "A", "经理", "T1", "2021-05-06", ""],
        ["D", "张伟", "B", "B", "主管", "T1", "2022-01-01", ""],
        ["E", "Eve", "B", "A", "业务员", "T1", "2022-02-01", ""],
        ["F", "刘洋", "B", "C", "业务员", "T1", "2022-03-01", ""],
        ["G", "陈静", "D", "D", "业务员", "T1", "2023-01-01", ""],
        ["H", "Hank", "", "", "业务员", "T2", "2025-01-01", "新人"],
        ["I", "赵磊", "H", "H", "业务员", "T2", "2024-01-01", "inactive"],
        ["J", "周敏", "I", "I", "业务员", "T2", "2024-06-01", ""],
        ["K", "Kim", "A", "", "业务员", "T1", "2026-03-01", ""],
        ["L", "Lee", "A", "A", "业务员", "T1", "2026-02-28", "active"],
    ]

    /// `id, name, lead` rows.
    public static let teamRows: [[String]] = [["T1", "华东一部", "A"], ["T2", "华南二部", ""], ["T3", "North Star", "G"]]

    /// The as-of day the expected figures use.
    public static let asOf = Day(year: 2026, month: 3, day: 31)!

    /// The people as CSV with Chinese headers.
    public static var csv: String {
        "编号,姓名,推荐人,责任人,职务,团队,加入日期,状态\n" + rows.map { $0.joined(separator: ",") }.joined(separator: "\n") + "\n"
    }

    /// The teams as CSV.
    public static var teamsCSV: String {
        "id,name,lead\n" + teamRows.map { $0.joined(separator: ",") }.joined(separator: "\n") + "\n"
    }

    /// The people as an unvalidated table, as a reader would produce it.
    public static var table: PeopleTable {
        var table = PeopleTable(source: SourceMap(file: "small.csv", lines: (0..<rows.count).map { Int32($0 + 2) }))
        for row in rows {
            table.ids.append(row[0])
            table.names.append(row[1])
            table.sponsors.append(row[2])
            table.owners.append(row[3])
            table.roles.append(row[4])
            table.teams.append(row[5])
            table.joined.append(Day(parsing: row[6]))
            table.statuses.append(Status(parsing: row[7])!)
        }
        return table
    }

    /// The teams as an unvalidated table.
    public static var teams: TeamTable {
        var teams = TeamTable(source: SourceMap(file: "teams.csv", lines: [2, 3, 4]))
        for row in teamRows {
            teams.ids.append(row[0])
            teams.names.append(row[1])
            teams.leads.append(row[2])
        }
        return teams
    }

    /// The validated network, with teams.
    public static var network: Network { try! Network(validating: table, teams: teams) }
}

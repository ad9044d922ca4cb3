import TeamGraph

/// The printed forms of the analyses and queries, shared by the command line and tests.
public enum Reports {
    /// `teamgraph stats` as JSON, keys in the documented order, the mean with two decimals; write
    /// it with `expanded: true` for the printed layout (one top-level key per line).
    public static func stats(_ stats: NetworkStats) -> JSONValue {
        func relation(_ r: RelationStats) -> JSONValue {
            .object([
                "roots": .int(r.roots), "maxDepth": .int(r.maxDepth), "levels": .array(r.levels.map { .int($0) }),
                "span": .object([
                    "max": .int(r.span.max), "mean": .decimal(r.span.mean), "median": .int(r.span.median),
                    "p90": .int(r.span.p90),
                ]),
            ])
        }
        return .object([
            "people": .int(stats.people), "teams": .int(stats.teams), "newcomers": .int(stats.newcomers),
            "sponsor": relation(stats.sponsor), "owner": relation(stats.owner),
        ])
    }

    /// `teamgraph metrics`: one record per person in input order (TeamGraph's `Network.metrics(of:)`).
    public static func metrics(_ network: Network) -> Records {
        let columns = ["id", "sponsorDepth", "ownerDepth", "frontline", "directReports", "downline", "ownedTotal"]
        return Records(columns: columns, count: network.count) { row, column in
            if column == 0 { return .text(network.ids[row]) }
            let m = network.metrics(of: Int32(row))
            switch column {
            case 1: return .int(m.sponsorDepth)
            case 2: return .int(m.ownerDepth)
            case 3: return .int(m.frontline)
            case 4: return .int(m.directReports)
            case 5: return .int(m.downline)
            default: return .int(m.ownedTotal)
            }
        }
    }

    /// `teamgraph gaps`: kind, person or team, name, detail. In JSON only one of person/team appears.
    public static func gaps(_ gaps: [Gap], in network: Network) -> Records {
        var records = Records(columns: ["kind", "person", "team", "name", "detail"], count: gaps.count) { row, column in
            let gap = gaps[row]
            switch (column, gap.subject) {
            case (0, _): return .text(gap.kind.rawValue)
            case (1, .person(let i)): return .text(network.ids[Int(i)])
            case (2, .team(let t)): return .text(network.teams[Int(t)].id)
            case (3, .person(let i)): return .text(network.names[Int(i)])
            case (3, .team(let t)): return .text(network.teams[Int(t)].name)
            case (4, _): return .text(gap.detail)
            default: return .none
            }
        }
        records.omitsNullsInJSON = true
        return records
    }

    /// `teamgraph reports`: the people under someone with their depth below them.
    public static func reports(_ rows: [(person: Int32, depth: Int)], in network: Network) -> Records {
        Records(columns: ["id", "name", "depth"], count: rows.count) { row, column in
            let person = Int(rows[row].person)
            switch column {
            case 0: return .text(network.ids[person])
            case 1: return .text(network.names[person])
            default: return .int(rows[row].depth)
            }
        }
    }

    /// `teamgraph chain` as JSON: `{"person": ID, "by": "owner", "chain": [ids nearest first]}`.
    public static func chain(person: Int32, by relation: Relation, chain: [Int32], in network: Network) -> JSONValue {
        .object([
            "person": .string(network.ids[Int(person)]), "by": .string(relation.rawValue),
            "chain": .array(chain.map { .string(network.ids[Int($0)]) }),
        ])
    }
}

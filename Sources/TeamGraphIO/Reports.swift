import TeamGraph

/// The printed forms of the analyses and queries, shared by the command line and tests.
public enum Reports {
    /// `teamgraph stats` as JSON, keys in the documented order, the mean with two decimals.
    public static func statsJSON(_ stats: NetworkStats) -> String {
        func relation(_ r: RelationStats) -> String {
            let levels = r.levels.map(String.init).joined(separator: ", ")
            let span = r.span
            return
                "{\"roots\": \(r.roots), \"maxDepth\": \(r.maxDepth), \"levels\": [\(levels)], \"span\": {\"max\": \(span.max), \"mean\": \(Records.twoDecimals(span.mean)), \"median\": \(span.median), \"p90\": \(span.p90)}}"
        }
        return """
            {
              "people": \(stats.people),
              "teams": \(stats.teams),
              "newcomers": \(stats.newcomers),
              "sponsor": \(relation(stats.sponsor)),
              "owner": \(relation(stats.owner))
            }

            """
    }

    /// `teamgraph metrics`: one record per person in input order.
    public static func metrics(_ network: Network) -> Records {
        let columns = ["id", "sponsorDepth", "ownerDepth", "frontline", "directReports", "downline", "ownedTotal"]
        return Records(columns: columns, count: network.count) { row, column in
            let v = Int32(row)
            switch column {
            case 0: return .text(network.ids[row])
            case 1: return .int(Int(network.sponsor.depth[row]))
            case 2: return .int(Int(network.owner.depth[row]))
            case 3: return .int(network.sponsor.childCount(of: v))
            case 4: return .int(network.owner.childCount(of: v))
            case 5: return .int(network.sponsor.descendantCount(of: v))
            default: return .int(network.owner.descendantCount(of: v))
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
    public static func chainJSON(person: Int32, by relation: Relation, chain: [Int32], in network: Network) -> String {
        let ids = chain.map { JSONEscaping.quoted(network.ids[Int($0)]) }.joined(separator: ", ")
        return
            "{\"person\": \(JSONEscaping.quoted(network.ids[Int(person)])), \"by\": \"\(relation.rawValue)\", \"chain\": [\(ids)]}\n"
    }
}

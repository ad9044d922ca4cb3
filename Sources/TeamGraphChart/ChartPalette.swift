import TeamGraph

/// The colours of a chart: card fills by status, role or team, and gap marks.
enum ChartPalette {
    /// Light fills that keep black text readable (ColorBrewer Set3, Paired and Pastel1), without the
    /// reds, oranges and pinks of the gap marks and the status fills: a role or team colour never
    /// reads as an alarm.
    static let categorical = [
        "#8dd3c7", "#ffffb3", "#bebada", "#80b1d3", "#b3de69", "#c6dbef", "#bc80bd", "#ccebc5",
        "#ffed6f", "#a6cee3", "#cab2d6", "#c7eae5",
    ]
    /// The fill of people whose role or team is beyond the categorical colours, or who have none.
    static let other = "#f0f0f0"
    /// The fill of `more` nodes.
    static let more = "#ffffff"

    /// The fill for a status.
    static func fill(_ status: Status) -> String {
        switch status {
        case .newcomer: "#c7e9c0"
        case .active: "#deebf7"
        case .inactive: "#fdd0a2"
        case .left: "#e0e0e0"
        }
    }

    /// The left-edge stripe showing a status on a card filled by role or team: the status fill,
    /// darker so that it shows beside any fill.
    static func stripe(_ status: Status) -> String {
        switch status {
        case .newcomer: "#41ab5d"
        case .active: "#6baed6"
        case .inactive: "#fd8d3c"
        case .left: "#969696"
        }
    }

    /// The border colour marking a gap kind.
    static func mark(_ kind: GapKind) -> String {
        switch kind {
        case .unownedNewcomer: "#d62728"
        case .ownerOverloaded: "#ff7f0e"
        case .inactiveOwner: "#9467bd"
        case .ownerOutsideLine: "#8c564b"
        case .teamWithoutLead: "#e377c2"
        case .leadOutsideTeam: "#17becf"
        }
    }

    /// The short tag a card carries for a gap kind.
    static func tag(_ kind: GapKind) -> String {
        switch kind {
        case .unownedNewcomer: "⚠ newcomer, no owner"
        case .ownerOverloaded: "⚠ too many reports"
        case .inactiveOwner: "⚠ owner inactive/left"
        case .ownerOutsideLine: "⚠ owner off the line"
        case .teamWithoutLead: "⚠ team has no lead"
        case .leadOutsideTeam: "⚠ lead from another team"
        }
    }

    /// "3 unowned newcomers": a number of gaps of a kind, as a card hiding them says it.
    static func counted(_ kind: GapKind, _ count: Int) -> String {
        let n = GraphvizText.count(count)
        let s = count == 1 ? "" : "s"
        return switch kind {
        case .unownedNewcomer: "\(n) unowned newcomer\(s)"
        case .ownerOverloaded: "\(n) overloaded owner\(s)"
        case .inactiveOwner: "\(n) with an inactive owner"
        case .ownerOutsideLine: "\(n) owned off the line"
        case .teamWithoutLead: "\(n) team\(s) without a lead"
        case .leadOutsideTeam: "\(n) lead\(s) from another team"
        }
    }
}

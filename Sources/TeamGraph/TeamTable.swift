/// Teams as read from a teams file or the JSON `teams` list, before validation.
public struct TeamTable: Sendable {
    /// Each team's id.
    public var ids: [String] = []
    /// Each team's name.
    public var names: [String] = []
    /// Each team's lead id, empty for none.
    public var leads: [String] = []
    /// The names of extra columns, in file order.
    public var extraKeys: [String] = []
    /// Extra values, one array per extra key.
    public var extraValues: [[String]] = []
    /// Where each record came from.
    public var source: SourceMap
    /// The original columns, for writing back.
    public var layout: ColumnLayout<TeamField>

    /// Creates an empty table for a source.
    public init(source: SourceMap, layout: ColumnLayout<TeamField> = ColumnLayout()) {
        self.source = source
        self.layout = layout
    }

    /// The number of teams.
    public var count: Int { ids.count }
}

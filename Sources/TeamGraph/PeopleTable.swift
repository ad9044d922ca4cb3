/// People as read from a file, before validation: one array per field, one entry per record.
///
/// `TeamGraphIO` fills it from CSV or JSON; ``Network/init(validating:teams:parseProblems:)`` checks
/// it and builds the indexed ``Network``. Values are already trimmed; an empty reference is none.
public struct PeopleTable: Sendable {
    /// Each person's id.
    public var ids: [String] = []
    /// Each person's name.
    public var names: [String] = []
    /// Each person's sponsor id, empty for none.
    public var sponsors: [String] = []
    /// Each person's owner id, empty for none.
    public var owners: [String] = []
    /// Each person's role.
    public var roles: [String] = []
    /// Each person's team id, empty for none.
    public var teams: [String] = []
    /// Each person's join day, when given and valid.
    public var joined: [Day?] = []
    /// Each person's status.
    public var statuses: [Status] = []
    /// The names of the extra columns (or JSON keys), in file order.
    public var extraKeys: [String] = []
    /// The extra values, one array per extra key, each with one entry per person.
    public var extraValues: [[String]] = []
    /// Where each record came from, for error messages.
    public var source: SourceMap
    /// The columns of the file in their original order, for writing back.
    public var layout: ColumnLayout<Field>

    /// Creates an empty table for a source.
    public init(source: SourceMap, layout: ColumnLayout<Field> = ColumnLayout()) {
        self.source = source
        self.layout = layout
    }

    /// The number of records.
    public var count: Int { ids.count }

    /// Reserves room for `count` records.
    public mutating func reserveCapacity(_ count: Int) {
        ids.reserveCapacity(count)
        names.reserveCapacity(count)
        sponsors.reserveCapacity(count)
        owners.reserveCapacity(count)
        roles.reserveCapacity(count)
        teams.reserveCapacity(count)
        joined.reserveCapacity(count)
        statuses.reserveCapacity(count)
        for k in extraValues.indices { extraValues[k].reserveCapacity(count) }
    }
}

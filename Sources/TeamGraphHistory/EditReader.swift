import TeamGraph

/// The reads an edit needs from a store, answered by its backend (``SQLiteEditReader`` today):
/// single rows and small sets by index, never the whole network.
///
/// Every method may throw ``StoreError/damaged(_:)`` for a row it reads that breaks the store's
/// rules, or a database error.
package protocol EditReader {
    /// The store file, as given (named by damage reports).
    var file: String { get }
    /// The store's metadata (extra keys, layouts).
    func meta() throws -> StoreMeta
    /// Every team: read only by the edits that name a team (teams are few).
    func teams() throws -> [TeamRow]
    /// The id of the team at `index`.
    func teamID(_ index: Int) throws -> String
    /// The number of person rows (the next new person's index); 0 for an empty store.
    func personCount() throws -> Int
    /// The index of the person with `id` (already trimmed), if any.
    func personIndex(_ id: String) throws -> Int?
    /// The person row at `index` (`0 ..< personCount()`).
    func person(_ index: Int) throws -> PersonRow
    /// The people whose sponsor is `index` (their frontline), by index.
    func sponsorChildren(of index: Int) throws -> [Int]
    /// The latest effective day after `day` of a change of `field` of the person, if any.
    func latestChange(person index: Int, field: PersonField, after day: Day) throws -> Day?
    /// The latest effective day after `day` of a change of `field` of anyone, if any.
    func latestChange(ofAnyone field: PersonField, after day: Day) throws -> Day?
    /// The latest effective day after `day` of a change of `field` of the team, if any.
    func latestChange(team index: Int, field: TeamField, after day: Day) throws -> Day?
}

/// What an edit changes, as rows before and after: what a backend writes in one transaction.
package struct ChangeSet {
    /// The metadata before and after.
    package var oldMeta: StoreMeta
    package var meta: StoreMeta
    /// People touched, in the order touched: new rows (`old` nil) and changed ones.
    package var people: [(old: PersonRow?, new: PersonRow)] = []
    /// Every team before, and after (new teams appended); nil when the edit names no team.
    package var oldTeams: [TeamRow]?
    package var teams: [TeamRow]?
    /// Every person row read (touched or not), so references can be named without reading again.
    package var known: [Int: PersonRow]
}

import GRDB
import TeamGraph
import TeamGraphHistory

extension Store {
    /// The day named by a query's one integer result (such as `max(effective)`), nil for NULL.
    ///
    /// - Throws: `StoreError.damaged(_:)` naming `row` when the value is not a day.
    static func fetchDay(
        _ db: Database, file: String, _ sql: String, arguments: StatementArguments = [], row: String
    ) throws -> Day? {
        guard let value = try Int64.fetchOne(db, sql: sql, arguments: arguments) else { return nil }
        var damage = StoreDamage(file: file)
        let day = damage.day(value, row, "effective")
        try damage.check()
        return day
    }
}

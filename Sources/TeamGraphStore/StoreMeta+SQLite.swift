import Foundation
import GRDB
import TeamGraph
import TeamGraphHistory

extension StoreMeta {
    /// Reads the metadata row (the defaults when there is none).
    static func read(_ db: Database) throws -> StoreMeta {
        guard let text = try String.fetchOne(db, sql: "SELECT value FROM meta WHERE key = ?", arguments: [key]) else {
            return StoreMeta()
        }
        return try JSONDecoder().decode(StoreMeta.self, from: Data(text.utf8))
    }

    /// Writes the metadata row.
    func write(_ db: Database) throws {
        let text = String(decoding: try JSONEncoder().encode(self), as: UTF8.self)
        try db.execute(
            sql: "INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value",
            arguments: [StoreMeta.key, text])
    }
}

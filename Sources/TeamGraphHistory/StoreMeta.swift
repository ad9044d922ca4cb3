import Foundation
import TeamGraph

/// What the store keeps about the shape of the files it was given, so nothing is lost writing back:
/// extra column names, whether teams were defined, and the original column layouts.
package struct StoreMeta: Codable, Equatable, Sendable {
    /// The empty value.
    package init() {}

    package var extraKeys: [String] = []
    package var teamExtraKeys: [String] = []
    package var teamsDefined = false
    package var layoutColumns: [String] = []
    package var layoutHeaders: [String] = []
    package var teamLayoutColumns: [String] = []
    package var teamLayoutHeaders: [String] = []

    package static let key = "network"

    /// Remembers a file's layout, its extra columns named by key so they survive key renumbering.
    package static func encode<Known>(_ layout: ColumnLayout<Known>, keys: [String]) -> (
        columns: [String], headers: [String]
    ) {
        let columns = layout.columns.map { column -> String in
            switch column {
            case .field(let field): "f:" + field.rawValue
            case .extra(let k): "x:" + keys[k]
            }
        }
        return (columns, layout.headers)
    }

    /// A layout for `keys`, from remembered columns; keys the remembered layout lacks are appended.
    package static func decode<Known>(columns: [String], headers: [String], keys: [String]) -> ColumnLayout<Known> {
        if columns.isEmpty { return ColumnLayout() }
        var result = ColumnLayout<Known>()
        var used = Set<String>()
        for (column, header) in zip(columns, headers) {
            if column.hasPrefix("f:") {
                // Only known field names are ever stored; one this version lacks is dropped.
                guard let field = Known(rawValue: String(column.dropFirst(2))) else { continue }
                result.columns.append(.field(field))
                result.headers.append(header)
            } else if let k = keys.firstIndex(of: String(column.dropFirst(2))) {
                used.insert(keys[k])
                result.columns.append(.extra(k))
                result.headers.append(header)
            }
        }
        for (k, key) in keys.enumerated() where !used.contains(key) {
            result.columns.append(.extra(k))
            result.headers.append(key)
        }
        return result
    }

    package func peopleLayout() -> ColumnLayout<Field> {
        StoreMeta.decode(columns: layoutColumns, headers: layoutHeaders, keys: extraKeys)
    }

    package func teamsLayout() -> ColumnLayout<TeamGraph.TeamField> {
        StoreMeta.decode(columns: teamLayoutColumns, headers: teamLayoutHeaders, keys: teamExtraKeys)
    }
}

/// The original order and spelling of a file's columns, kept so files are written back as they came.
///
/// `Known` is the file's vocabulary: ``Field`` for a people file, ``TeamField`` for a teams file.
public struct ColumnLayout<Known: FieldVocabulary>: Sendable, Hashable {
    /// One column of a file.
    public enum Column: Sendable, Hashable {
        /// A known field.
        case field(Known)
        /// The extra column with this index into the table's extra keys.
        case extra(Int)
    }

    /// The columns in file order.
    public var columns: [Column]
    /// The header text of each column, as spelled in the file.
    public var headers: [String]

    /// Creates a layout; empty means "canonical order".
    public init(columns: [Column] = [], headers: [String] = []) {
        self.columns = columns
        self.headers = headers
    }

    /// The canonical layout: every known field under its own name, in declaration order, then
    /// the extra columns under their keys.
    public static func canonical(extraKeys: [String]) -> ColumnLayout {
        ColumnLayout(
            columns: Known.allCases.map { .field($0) } + extraKeys.indices.map { .extra($0) },
            headers: Known.allCases.map(\.rawValue) + extraKeys)
    }
}

import NIOCore
import PostgresNIO

/// The cells of one streamed row, read in order straight from their bytes (binary format).
///
/// Written by hand: postgres-nio's generic `decode` looks up type metadata for every cell, which
/// was most of the time of reading a million people (`perf record teamgraph stats --db ...`).
struct RowCells {
    private var cells: PostgresRow.Iterator

    init(_ row: PostgresRow) { cells = row.makeIterator() }

    /// The next cell, an `integer` (int4) that is not NULL.
    mutating func int32() throws(UnexpectedCell) -> Int32 {
        let cell = try next()
        guard cell.dataType == .int4, cell.format == .binary, var bytes = cell.bytes,
            let value = bytes.readInteger(as: Int32.self), bytes.readableBytes == 0
        else { throw UnexpectedCell(column: cell.columnName, expected: "integer") }
        return value
    }

    /// The next cell, a `text` that is not NULL.
    mutating func string() throws(UnexpectedCell) -> String {
        let cell = try next()
        guard cell.dataType == .text || cell.dataType == .varchar, var bytes = cell.bytes,
            let value = bytes.readString(length: bytes.readableBytes)
        else { throw UnexpectedCell(column: cell.columnName, expected: "text") }
        return value
    }

    fileprivate mutating func next() throws(UnexpectedCell) -> PostgresCell {
        guard let cell = cells.next() else { throw UnexpectedCell(column: "(none)", expected: "another column") }
        return cell
    }
}

/// A cell of another type than the query asked for, or NULL where it may not be.
struct UnexpectedCell: Error, CustomStringConvertible {
    let column: String
    let expected: String

    var description: String { "column \(column) is not \(expected) as the store expects" }
}

extension RowCells {
    /// The next cell, a one-dimensional `integer[]` without NULLs.
    mutating func int32s() throws(UnexpectedCell) -> [Int32] {
        var (bytes, count, column) = try array(.int4)
        var values: [Int32] = []
        values.reserveCapacity(count)
        for _ in 0..<count {
            guard bytes.readInteger(as: Int32.self) == 4, let value = bytes.readInteger(as: Int32.self) else {
                throw UnexpectedCell(column: column, expected: "an integer array without NULLs")
            }
            values.append(value)
        }
        return values
    }

    /// The next cell, a one-dimensional `text[]` without NULLs.
    mutating func strings() throws(UnexpectedCell) -> [String] {
        var (bytes, count, column) = try array(.text)
        var values: [String] = []
        values.reserveCapacity(count)
        for _ in 0..<count {
            guard let length = bytes.readInteger(as: Int32.self), length >= 0,
                let value = bytes.readString(length: Int(length))
            else { throw UnexpectedCell(column: column, expected: "a text array without NULLs") }
            values.append(value)
        }
        return values
    }

    /// The next cell's array header read (binary format: dimensions, a has-NULLs flag, the element
    /// type, then each dimension's size and lower bound): its elements' bytes and their number.
    private mutating func array(_ element: PostgresDataType) throws(UnexpectedCell) -> (ByteBuffer, Int, String) {
        let cell = try next()
        let failure = UnexpectedCell(column: cell.columnName, expected: "a one-dimensional array without NULLs")
        guard cell.format == .binary, var bytes = cell.bytes,
            let (dimensions, hasNulls, type) = bytes.readMultipleIntegers(as: (Int32, Int32, UInt32).self),
            hasNulls == 0, PostgresDataType(type) == element || dimensions == 0
        else { throw failure }
        if dimensions == 0 { return (bytes, 0, cell.columnName) }
        guard dimensions == 1, let (count, _) = bytes.readMultipleIntegers(as: (Int32, Int32).self), count >= 0
        else { throw failure }
        return (bytes, Int(count), cell.columnName)
    }
}

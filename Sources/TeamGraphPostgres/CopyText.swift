import Logging
import NIOCore
import PostgresNIO

/// Rows in the text format of `COPY ... FROM STDIN`, written into a buffer sent in pieces.
///
/// Written by hand: `COPY` is how a million people reach the server in seconds (a statement per
/// row took minutes), and postgres-nio takes its data as bytes.
struct CopyText {
    var buffer = ByteBuffer()
    private var first = true

    /// Adds a text field (tab, newline, carriage return and backslash escaped).
    mutating func text(_ value: String) {
        separate()
        for byte in value.utf8 {
            switch byte {
            case 0x5C: buffer.writeStaticString("\\\\")
            case 0x09: buffer.writeStaticString("\\t")
            case 0x0A: buffer.writeStaticString("\\n")
            case 0x0D: buffer.writeStaticString("\\r")
            default: buffer.writeInteger(byte)
            }
        }
    }

    /// Adds a text field, or NULL.
    mutating func text(_ value: String?) {
        if let value { text(value) } else { null() }
    }

    /// Adds an integer field.
    mutating func integer(_ value: some BinaryInteger) {
        separate()
        buffer.writeString(String(value))
    }

    /// Adds a reference: NULL when negative (none).
    mutating func reference(_ value: Int32) {
        if value < 0 { null() } else { integer(value) }
    }

    /// Adds NULL.
    mutating func null() {
        separate()
        buffer.writeStaticString("\\N")
    }

    /// Adds a field written as is (a literal such as a range).
    mutating func raw(_ value: String) {
        separate()
        buffer.writeString(value)
    }

    /// Ends the row.
    mutating func endRow() {
        buffer.writeInteger(UInt8(0x0A))
        first = true
    }

    private mutating func separate() {
        if first { first = false } else { buffer.writeInteger(UInt8(0x09)) }
    }

    /// Whether the buffer is large enough to send.
    var isFull: Bool { buffer.readableBytes >= 1 << 20 }

    /// Sends what the buffer holds through `writer` and empties it.
    mutating func send(_ writer: PostgresCopyFromWriter) async throws {
        guard buffer.readableBytes > 0 else { return }
        try await writer.write(buffer)
        buffer.clear()
    }
}

extension PostgresConnection {
    /// Copies `count` rows into `table`, `row` writing the fields of each.
    func copy(
        _ table: String, _ columns: [String], count: Int, logger: Logger, _ row: (Int, inout CopyText) -> Void
    ) async throws {
        guard count > 0 else { return }
        try await copyFrom(table: table, columns: columns, logger: logger) { writer in
            var text = CopyText()
            for i in 0..<count {
                row(i, &text)
                text.endRow()
                if text.isFull { try await text.send(writer) }
            }
            try await text.send(writer)
        }
    }
}

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Bytes to write, gathered in memory and handed to a sink in large pieces.
///
/// Output of a million rows goes through here instead of building one `String` per row.
public struct OutputBuffer {
    /// The bytes not yet flushed.
    public private(set) var bytes: [UInt8] = []
    private let sink: (([UInt8]) throws -> Void)?
    private let flushThreshold: Int

    /// A buffer that flushes to `sink` whenever it holds `flushThreshold` bytes; with no sink it only collects.
    public init(flushThreshold: Int = 1 << 20, sink: (([UInt8]) throws -> Void)? = nil) {
        self.sink = sink
        self.flushThreshold = flushThreshold
        bytes.reserveCapacity(sink == nil ? 4096 : flushThreshold + 4096)
    }

    /// Appends the UTF-8 of `text`.
    public mutating func append(_ text: String) {
        var text = text
        text.withUTF8 { bytes.append(contentsOf: $0) }
    }

    /// Appends raw bytes.
    public mutating func append(bytes more: UnsafeBufferPointer<UInt8>) { bytes.append(contentsOf: more) }

    /// Appends one byte.
    public mutating func append(byte: UInt8) { bytes.append(byte) }

    /// Appends a decimal integer without creating a `String`.
    public mutating func append(_ value: Int) {
        if value < 0 {
            bytes.append(UInt8(ascii: "-"))
            append(UInt(value.magnitude))
        } else {
            append(UInt(value))
        }
    }

    private mutating func append(_ value: UInt) {
        if value < 10 {
            bytes.append(UInt8(ascii: "0") + UInt8(value))
            return
        }
        var digits:
            (
                UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8,
                UInt8, UInt8, UInt8, UInt8, UInt8
            ) = (0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0)
        var count = 0
        var v = value
        withUnsafeMutableBytes(of: &digits) { d in
            while v > 0 {
                d[count] = UInt8(ascii: "0") + UInt8(v % 10)
                v /= 10
                count += 1
            }
            for k in stride(from: count - 1, through: 0, by: -1) { bytes.append(d[k]) }
        }
    }

    /// Hands the gathered bytes to the sink when there are enough of them.
    public mutating func flushIfFull() throws {
        if bytes.count >= flushThreshold { try flush() }
    }

    /// Hands every gathered byte to the sink.
    public mutating func flush() throws {
        guard let sink, !bytes.isEmpty else { return }
        try sink(bytes)
        bytes.removeAll(keepingCapacity: true)
    }

    /// The gathered text (for buffers without a sink).
    public var text: String { String(decoding: bytes, as: UTF8.self) }
}

/// Writes bytes to a file descriptor, retrying short writes.
public struct FileDescriptorSink: Sendable {
    /// The descriptor written to.
    public let descriptor: Int32

    /// Standard output.
    public static let standardOutput = FileDescriptorSink(descriptor: 1)

    /// Creates a sink for a descriptor.
    public init(descriptor: Int32) { self.descriptor = descriptor }

    /// Writes every byte, or throws the system error.
    public func write(_ bytes: [UInt8]) throws {
        try bytes.withUnsafeBytes { raw in
            var offset = 0
            while offset < raw.count {
                let written = Glibc.write(descriptor, raw.baseAddress! + offset, raw.count - offset)
                if written < 0 {
                    if errno == EINTR { continue }
                    throw OutputError(message: String(cString: strerror(errno)))
                }
                offset += written
            }
        }
    }
}

/// Writing output failed.
public struct OutputError: Error, Sendable, CustomStringConvertible {
    /// What the system said.
    public var message: String
    /// The message.
    public var description: String { message }
}

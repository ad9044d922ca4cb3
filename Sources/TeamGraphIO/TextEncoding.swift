#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The text encoding of an input file.
public enum TextEncoding: String, Sendable, CaseIterable {
    /// UTF-8 (the default); a byte-order mark is skipped.
    case utf8 = "utf-8"
    /// GB18030, as spreadsheets on Chinese Windows export.
    case gb18030

    /// Parses `utf-8`, `utf8`, `gb18030`, `gbk` or `gb2312` (GB18030 is a superset of the latter two).
    public init?(name: String) {
        switch name.lowercased() {
        case "utf-8", "utf8": self = .utf8
        case "gb18030", "gbk", "gb2312", "cp936": self = .gb18030
        default: return nil
        }
    }
}

/// Converts GB18030 bytes to UTF-8 with the C library's iconv.
enum GB18030 {
    /// The UTF-8 form of `input`, or the byte offset of the first byte that is not GB18030.
    static func toUTF8(_ input: [UInt8]) -> Result<[UInt8], ConversionFailure> {
        let cd = iconv_open("UTF-8", "GB18030")
        guard cd != iconv_t(bitPattern: -1) else { return .failure(ConversionFailure(offset: 0, unsupported: true)) }
        defer { iconv_close(cd) }
        var output = [UInt8](repeating: 0, count: input.count * 2 + 16)
        var source = input
        let produced: Int? = source.withUnsafeMutableBytes { inBuffer in
            output.withUnsafeMutableBytes { outBuffer in
                var inPointer = inBuffer.baseAddress?.assumingMemoryBound(to: CChar.self)
                var inLeft = inBuffer.count
                var outPointer = outBuffer.baseAddress?.assumingMemoryBound(to: CChar.self)
                var outLeft = outBuffer.count
                if inBuffer.count == 0 { return 0 }
                let result = iconv(cd, &inPointer, &inLeft, &outPointer, &outLeft)
                if result == -1 { return -(inBuffer.count - inLeft) - 1 }
                return outBuffer.count - outLeft
            }
        }
        guard let produced, produced >= 0 else {
            return .failure(ConversionFailure(offset: -(produced ?? -1) - 1, unsupported: false))
        }
        output.removeSubrange(produced...)
        return .success(output)
    }

    /// Where a conversion stopped.
    struct ConversionFailure: Error {
        var offset: Int
        var unsupported: Bool
    }
}

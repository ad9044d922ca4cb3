#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// What the fuzz targets share: the input as bytes, and a broken promise turned into a crash that
/// libFuzzer reports and saves.
public enum FuzzTarget {
    /// The input as an array (libFuzzer may pass a null pointer for the empty input).
    public static func bytes(_ data: UnsafePointer<UInt8>?, _ size: Int) -> [UInt8] {
        guard let data, size > 0 else { return [] }
        return Array(UnsafeBufferPointer(start: data, count: size))
    }

    /// The known issues not checked: all of them, unless `TEAMGRAPH_FUZZ_STRICT=1`.
    public static let skipped: Set<ReaderPromises.KnownIssue> =
        getenv("TEAMGRAPH_FUZZ_STRICT").map { String(cString: $0) == "1" } == true ? [] : Set(ReaderPromises.KnownIssue.allCases)

    /// Crashes with every broken promise of the outcome, if any.
    public static func require(_ outcome: ReaderPromises.Outcome) {
        if !outcome.broken.isEmpty { fatalError(outcome.broken.joined(separator: "\n")) }
    }
}

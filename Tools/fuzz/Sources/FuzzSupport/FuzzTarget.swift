/// What the fuzz targets share: the input as bytes, and a broken promise turned into a crash that
/// libFuzzer reports and saves.
public enum FuzzTarget {
    /// The input as an array (libFuzzer may pass a null pointer for the empty input).
    public static func bytes(_ data: UnsafePointer<UInt8>?, _ size: Int) -> [UInt8] {
        guard let data, size > 0 else { return [] }
        return Array(UnsafeBufferPointer(start: data, count: size))
    }

    /// Crashes with every broken promise of the outcome, if any.
    public static func require(_ outcome: ReaderPromises.Outcome) {
        if !outcome.broken.isEmpty { fatalError(outcome.broken.joined(separator: "\n")) }
    }
}

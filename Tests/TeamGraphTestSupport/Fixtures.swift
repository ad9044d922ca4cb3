import Foundation

/// Paths to the package's sample files and the built `teamgraph` binary.
public enum Fixtures {
    /// The package root (found from this source file's location).
    public static let packageRoot: URL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// A file under `Samples/`.
    public static func sample(_ name: String) -> String { packageRoot.appendingPathComponent("Samples/\(name)").path }
}

import Testing

extension Tag {
    /// Tests that take seconds each (100,000-person chains, killed and racing processes, full
    /// disks, signals, every damage of the store corpus).
    ///
    /// Xcode filters by tag; on the command line `swift test --skip tag:slow` leaves them out of
    /// a quick run with toolchains whose `swift test` knows the `tag:` prefix (Swift 6.3.1 does
    /// not yet: it reads `tag:slow` as a name pattern). CI runs everything.
    @Tag public static var slow: Self
}

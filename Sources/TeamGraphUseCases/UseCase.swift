/// A request that one use case answers with one result: every shell (the command line, an HTTP
/// route) builds the request, calls ``run()``, and encodes the result.
///
/// ```swift
/// let result = try StatsRequest(network: .file(NetworkFile(path: "people.csv"))).run()
/// try Reports.stats(result.stats).write(to: &output, expanded: true)
/// ```
public protocol UseCaseRequest: Sendable {
    /// What the use case returns.
    associatedtype Result: Sendable
    /// Runs the use case.
    func run() throws(UseCaseError) -> Result
}

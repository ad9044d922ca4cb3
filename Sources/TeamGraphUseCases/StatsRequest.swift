import TeamGraph
import TeamGraphIO

/// `stats`: headcount, levels and span of both relations.
public struct StatsRequest: UseCaseRequest {
    /// The network and settings.
    public var input: AnalysisInput

    /// Creates the request.
    public init(input: AnalysisInput) { self.input = input }

    /// The statistics of the network (or of the ``AnalysisSettings/under`` part, on its own).
    public func run() throws(UseCaseError) -> StatsResult {
        let network = try input.open()
        let options = try input.settings.options()
        return StatsResult(stats: try input.settings.scoped(network).stats(options: options))
    }
}

/// The result of ``StatsRequest``.
public struct StatsResult: Sendable {
    /// The statistics.
    public var stats: NetworkStats

    /// The documented JSON form (write it with `expanded: true`).
    public var json: JSONValue { Reports.stats(stats) }
}

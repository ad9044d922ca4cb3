import TeamGraph
import TeamGraphIO

/// `metrics`: depth, span and downline of every person, in input order.
public struct MetricsRequest: UseCaseRequest {
    /// The network and settings.
    public var input: AnalysisInput

    /// Creates the request.
    public init(input: AnalysisInput) { self.input = input }

    /// The network the metrics are of (the ``AnalysisSettings/under`` part, on its own, when given).
    public func run() throws(UseCaseError) -> MetricsResult {
        let network = try input.open()
        try input.settings.validate()
        return MetricsResult(network: try input.settings.scoped(network))
    }
}

/// The result of ``MetricsRequest``.
public struct MetricsResult: Sendable {
    /// The network measured; `Network.metrics(of:)` (TeamGraph) gives each person's figures.
    public var network: Network

    /// One record per person.
    public var records: Records { Reports.metrics(network) }
}

import TeamGraph
import TeamGraphIO

/// `gaps`: coverage gaps, ordered by kind then input order.
public struct GapsRequest: UseCaseRequest {
    /// The network and settings (``AnalysisSettings/under`` keeps the gaps of that part).
    public var input: AnalysisInput
    /// Only gaps of these kinds (nil: every kind).
    public var kinds: Set<GapKind>?

    /// Creates the request.
    public init(input: AnalysisInput, kinds: Set<GapKind>? = nil) {
        self.input = input
        self.kinds = kinds
    }

    /// The gaps.
    public func run() throws(UseCaseError) -> GapsResult {
        let network = try input.open()
        let options = try input.settings.options()
        var gaps: [Gap]
        if let selection = try input.settings.selection(in: network) {
            gaps = network.gaps(options: options, within: selection)
        } else {
            gaps = network.gaps(options: options)
        }
        if let kinds { gaps = gaps.filter { kinds.contains($0.kind) } }
        return GapsResult(network: network, gaps: gaps)
    }
}

/// The result of ``GapsRequest``.
public struct GapsResult: Sendable {
    /// The network the gaps are in (their indices are its).
    public var network: Network
    /// The gaps.
    public var gaps: [Gap]

    /// kind, person, team, name, detail.
    public var records: Records { Reports.gaps(gaps, in: network) }
}

import TeamGraph
import TeamGraphIO

/// `gaps`: coverage gaps, ordered by kind then input order.
public struct GapsRequest: UseCaseRequest {
    /// The network and settings (``AnalysisSettings/under`` keeps the gaps of that part).
    public var input: AnalysisInput
    /// Only gaps of these kinds (nil: every kind).
    public var kinds: Set<GapKind>?
    /// Every gap of the whole network with these settings, when already found (a server keeps
    /// them); used only without ``AnalysisSettings/under``.
    public var found: [Gap]?

    /// Creates the request.
    public init(input: AnalysisInput, kinds: Set<GapKind>? = nil, found: [Gap]? = nil) {
        self.input = input
        self.kinds = kinds
        self.found = found
    }

    /// The gaps.
    public func run() throws(UseCaseError) -> GapsResult {
        let network = try input.open()
        let options = try input.settings.options()
        var gaps: [Gap]
        if let selection = try input.settings.selection(in: network) {
            gaps = network.gaps(options: options, within: selection)
        } else {
            gaps = found ?? network.gaps(options: options)
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

    /// `{"total": N, "kinds": {kind: count, ...}}` with every kind, also those with none.
    public var summary: JSONValue {
        var counts = [GapKind: Int]()
        for gap in gaps { counts[gap.kind, default: 0] += 1 }
        return .object([
            "total": .int(gaps.count),
            "kinds": .object(GapKind.allCases.map { JSONMember($0.rawValue, .int(counts[$0] ?? 0)) }),
        ])
    }
}

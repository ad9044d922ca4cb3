import TeamGraph

/// The settings the analyses share: the reference day, newcomer window, span limit, and the part of
/// the network analysed.
public struct AnalysisSettings: Sendable, Hashable {
    /// The reference day for newcomers and, for a store, the day the network is read as of (nil: today).
    public var asOf: Day?
    /// Days after joining that someone counts as a newcomer.
    public var newcomerDays: Int
    /// The most direct reports an owner should have.
    public var maxSpan: Int
    /// Only this person and the people under them (nil: everyone).
    public var under: String?
    /// The relation ``under`` follows.
    public var underBy: Relation

    /// Creates the settings; the defaults are the design's (30 days, 12 reports, everyone).
    public init(
        asOf: Day? = nil, newcomerDays: Int = 30, maxSpan: Int = 12, under: String? = nil, underBy: Relation = .sponsor
    ) {
        self.asOf = asOf
        self.newcomerDays = newcomerDays
        self.maxSpan = maxSpan
        self.under = under
        self.underBy = underBy
    }

    /// Checks the numbers, refusing a negative one.
    public func validate() throws(UseCaseError) {
        guard newcomerDays >= 0 else { throw .badRequest(.newcomerDays, .tooSmall(newcomerDays, minimum: 0)) }
        guard maxSpan >= 0 else { throw .badRequest(.maxSpan, .tooSmall(maxSpan, minimum: 0)) }
    }

    /// The core's analysis options (the reference day resolved to today when not given).
    public func options() throws(UseCaseError) -> AnalysisOptions {
        try validate()
        return AnalysisOptions(asOf: asOf ?? .today(), newcomerDays: newcomerDays, maxSpan: maxSpan)
    }

    /// The ``under`` selection in `network`, or nil for everyone.
    public func selection(in network: Network) throws(UseCaseError) -> [Bool]? {
        guard let under else { return nil }
        return network.selection(under: try network.person(under, .under), by: underBy)
    }

    /// `network` restricted to the ``under`` selection (the network itself without one).
    public func scoped(_ network: Network) throws(UseCaseError) -> Network {
        guard let selection = try selection(in: network) else { return network }
        return network.restricted(to: selection)
    }
}

/// A network source and analysis settings: what every analysis request holds.
public struct AnalysisInput: Sendable {
    /// Where the network is.
    public var source: NetworkSource
    /// The shared settings.
    public var settings: AnalysisSettings

    /// Creates the input.
    public init(source: NetworkSource, settings: AnalysisSettings = AnalysisSettings()) {
        self.source = source
        self.settings = settings
    }

    /// Opens the network as of the settings' day.
    func open() throws(UseCaseError) -> Network {
        try OpenNetworkRequest(source: source, asOf: settings.asOf).run()
    }
}

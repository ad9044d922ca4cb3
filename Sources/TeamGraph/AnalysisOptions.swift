/// The settings the analyses share: the reference day for newcomers and the span limit.
public struct AnalysisOptions: Sendable, Hashable {
    /// The reference day: people who joined within ``newcomerDays`` before it are newcomers.
    public var asOf: Day
    /// How many days after joining someone still counts as a newcomer (default 30).
    public var newcomerDays: Int
    /// The most direct reports an owner should have (default 12).
    public var maxSpan: Int

    /// Creates options; the defaults are 30 newcomer days and a span of 12.
    public init(asOf: Day, newcomerDays: Int = 30, maxSpan: Int = 12) {
        self.asOf = asOf
        self.newcomerDays = newcomerDays
        self.maxSpan = maxSpan
    }
}

extension Network {
    /// Whether the person is a newcomer on `options.asOf`.
    ///
    /// Status `newcomer`; or status `active` and joined on or after the day `newcomerDays` days
    /// before the as-of day. With as-of 2026-03-31 and 30 days, 2026-03-01 is a newcomer and
    /// 2026-02-28 is not.
    public func isNewcomer(_ person: Int32, options: AnalysisOptions) -> Bool {
        let i = Int(person)
        switch statuses[i] {
        case .newcomer: return true
        case .active:
            guard let joined = joined[i] else { return false }
            return joined >= options.asOf.adding(days: -max(0, options.newcomerDays))
        case .inactive, .left: return false
        }
    }
}

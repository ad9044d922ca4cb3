/// Span statistics over the people with at least one person under them in a relation.
public struct SpanStats: Sendable, Hashable {
    /// The largest span.
    public var max: Int
    /// The mean span, rounded to two decimals.
    public var mean: Double
    /// The nearest-rank median: the smallest value with at least 50% of spans at or below it.
    public var median: Int
    /// The nearest-rank 90th percentile.
    public var p90: Int

    /// Creates statistics from known values.
    public init(max: Int, mean: Double, median: Int, p90: Int) {
        self.max = max
        self.mean = mean
        self.median = median
        self.p90 = p90
    }

    /// Computes the statistics of the non-zero values in `spans`; all zero when there are none.
    ///
    /// - Complexity: O(n + max), by counting.
    public init<S: Sequence>(spans: S) where S.Element == Int {
        var histogram: [Int] = []
        var count = 0
        var total = 0
        for s in spans where s > 0 {
            if s >= histogram.count { histogram.append(contentsOf: repeatElement(0, count: s - histogram.count + 1)) }
            histogram[s] += 1
            count += 1
            total += s
        }
        guard count > 0 else {
            (max, mean, median, p90) = (0, 0, 0, 0)
            return
        }
        func nearestRank(_ numerator: Int, _ denominator: Int) -> Int {
            let rank = (numerator * count + denominator - 1) / denominator
            var seen = 0
            for (value, n) in histogram.enumerated() {
                seen += n
                if seen >= rank { return value }
            }
            return histogram.count - 1
        }
        max = histogram.count - 1
        mean = (Double(total) / Double(count) * 100).rounded() / 100
        median = nearestRank(1, 2)
        p90 = nearestRank(9, 10)
    }
}

/// The shape of one relation: roots, depth, headcount per level and span.
public struct RelationStats: Sendable, Hashable {
    /// People with no parent in this relation.
    public var roots: Int
    /// The greatest depth (0 when everyone is a root or the network is empty).
    public var maxDepth: Int
    /// Headcount per depth, depth 0 first.
    public var levels: [Int]
    /// Span statistics.
    public var span: SpanStats

    /// Creates relation statistics from known values.
    public init(roots: Int, maxDepth: Int, levels: [Int], span: SpanStats) {
        self.roots = roots
        self.maxDepth = maxDepth
        self.levels = levels
        self.span = span
    }
}

/// The headline figures of a network, as `teamgraph stats` prints them.
public struct NetworkStats: Sendable, Hashable {
    /// The number of people.
    public var people: Int
    /// The number of teams.
    public var teams: Int
    /// The number of newcomers on the as-of day.
    public var newcomers: Int
    /// The sponsor relation's shape.
    public var sponsor: RelationStats
    /// The owner relation's shape.
    public var owner: RelationStats
}

extension Forest {
    /// Roots, depth, levels and span of this forest.
    ///
    /// - Complexity: O(n).
    public var stats: RelationStats {
        let levels = self.levels
        return RelationStats(
            roots: roots.count, maxDepth: Swift.max(0, levels.count - 1), levels: levels,
            span: SpanStats(spans: (0..<count).lazy.map { Int(childStart[$0 + 1] - childStart[$0]) }))
    }
}

extension Network {
    /// The headline figures: people, teams, newcomers and the shape of both relations.
    ///
    /// - Complexity: O(n).
    public func stats(options: AnalysisOptions) -> NetworkStats {
        var newcomers = 0
        for i in 0..<count where isNewcomer(Int32(i), options: options) { newcomers += 1 }
        return NetworkStats(
            people: count, teams: teams.count, newcomers: newcomers, sponsor: sponsor.stats, owner: owner.stats)
    }
}

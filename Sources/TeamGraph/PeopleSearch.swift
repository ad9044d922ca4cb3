/// How a search hit matched, best first.
public enum SearchMatch: String, Sendable, Hashable, CaseIterable, Comparable {
    /// The query is the person's id.
    case id
    /// The query is the person's name (ignoring case).
    case name
    /// The person's id or name starts with the query (ignoring case).
    case prefix
    /// The person's id or name contains the query (ignoring case).
    case substring

    /// Whether this match ranks before `other`.
    public static func < (lhs: SearchMatch, rhs: SearchMatch) -> Bool {
        allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
    }
}

/// One person found by ``PeopleSearch``.
public struct SearchHit: Sendable, Hashable {
    /// The person, by index.
    public var person: Int32
    /// How they matched.
    public var match: SearchMatch
}

/// How much ``PeopleSearch`` builds ahead of the queries.
public enum SearchIndexing: Sendable, Hashable {
    /// Only the case-folded text: cheap to build, each query scans it (tens of milliseconds on a
    /// million people). For one query, as the command line asks.
    case scan
    /// The text plus ids and names in sorted order and a three-byte substring index: about a
    /// second and 80 MB more on a million people, then each query reads only the people it could
    /// match. For a server answering search-as-you-type.
    case indexed
}

/// A case-insensitive index of every person's id and name, for search-as-you-type over a million people.
///
/// The ids and names, case-folded, are one byte buffer (`id` U+001F `name` U+000A per person); a
/// ``SearchIndexing/scan`` search is one `memmem` pass over it. An ``SearchIndexing/indexed``
/// search finds exact names and prefixes by binary search in the sorted orders and substrings
/// through ``SubstringIndex``; both give the same answers. Written by hand because it is the hot
/// path of the viewer's search field (`Tools/bench-serve.sh` measures it).
public struct PeopleSearch: Sendable {
    let text: FoldedPeople
    private let sorted: SortedPeople?
    private let substrings: SubstringIndex?

    /// The most hits one search returns.
    public static let maximumLimit = 200

    /// Indexes the ids and names of `network`.
    /// - Complexity: O(total length of ids and names), plus two sorts for ``SearchIndexing/indexed``.
    public init(_ network: Network, indexing: SearchIndexing = .scan) {
        let text = FoldedPeople(network)
        self.text = text
        switch indexing {
        case .scan:
            sorted = nil
            substrings = nil
        case .indexed:
            (sorted, substrings) = bothInParallel({ SortedPeople(text) }, { SubstringIndex(text) })
        }
    }

    /// Whether answering `query` may read every person's text (tens of milliseconds on a million
    /// people): always for a ``SearchIndexing/scan`` search, and for queries shorter than the
    /// substring index's three bytes, whose substrings only a scan finds.
    public func mayScanEveryone(for query: String) -> Bool {
        let needle = Self.needle(of: query.trimmingSpaces)
        guard !needle.isEmpty else { return false }
        return substrings == nil || needle.count < SubstringIndex.gramLength
    }

    /// The folded bytes of a trimmed query that are looked for, without the id and name end markers.
    private static func needle(of trimmed: String) -> [UInt8] {
        FoldedPeople.fold(trimmed).filter { $0 != FoldedPeople.idEnd && $0 != FoldedPeople.nameEnd }
    }

    /// The people whose id or name holds `query`, ranked (``SearchMatch``), in input order within a
    /// rank; at most `limit` (capped at ``maximumLimit``). `network` must be the indexed one.
    public func search(_ query: String, limit: Int, in network: Network) -> [SearchHit] {
        let limit = max(0, min(limit, Self.maximumLimit))
        let trimmed = query.trimmingSpaces
        let needle = Self.needle(of: trimmed)
        guard limit > 0, !needle.isEmpty else { return [] }
        let exact = network.index(of: trimmed)
        var hits = exact.map { [SearchHit(person: $0, match: .id)] } ?? []
        let found: [SearchHit] =
            if let sorted, let substrings {
                indexedSearch(needle, limit: limit, excluding: exact, sorted: sorted, substrings: substrings)
            } else {
                scanSearch(needle, limit: limit, excluding: exact)
            }
        hits += found
        return Array(hits.prefix(limit))
    }

    /// The ranked hits other than the exact id, found by one scan of the whole text.
    private func scanSearch(_ needle: [UInt8], limit: Int, excluding exact: Int32?) -> [SearchHit] {
        // Exact names rank above prefixes wherever they are in the input, so the scan stops early
        // only once `limit` exact names are found; prefixes and substrings are kept up to `limit` each.
        var counts: [SearchMatch: Int] = [:]
        var found: [SearchHit] = []
        text.forEachPerson(holding: needle, from: 0) { person in
            guard person != exact else { return true }
            let match = text.match(of: person, for: needle)
            guard match == .name || counts[match, default: 0] < limit else { return true }
            counts[match, default: 0] += 1
            found.append(SearchHit(person: person, match: match))
            return counts[.name, default: 0] < limit
        }
        return found.sorted { $0.match != $1.match ? $0.match < $1.match : $0.person < $1.person }
    }

    /// The same hits as ``scanSearch(_:limit:excluding:)``, read from the sorted orders and the
    /// substring index: substrings are looked for only when names and prefixes leave room.
    private func indexedSearch(
        _ needle: [UInt8], limit: Int, excluding exact: Int32?, sorted: SortedPeople, substrings: SubstringIndex
    ) -> [SearchHit] {
        let names = sorted.exactNames(needle, excluding: exact, limit: limit, text: text)
        var found = names.map { SearchHit(person: $0, match: .name) }
        let taken = found.count + (exact == nil ? 0 : 1)
        guard taken < limit else { return found }
        let prefixes = sorted.prefixes(needle, excluding: exact, limit: limit, text: text)
        found += prefixes.map { SearchHit(person: $0, match: .prefix) }
        let wanted = limit - taken - prefixes.count
        guard wanted > 0 else { return found }
        var count = 0
        let visit: (Int32) -> Bool = { person in
            guard person != exact, text.contains(needle, person: person),
                text.match(of: person, for: needle) == .substring
            else { return true }
            found.append(SearchHit(person: person, match: .substring))
            count += 1
            return count < wanted
        }
        if !substrings.forEachCandidate(holding: needle, visit) {
            text.forEachPerson(holding: needle, from: 0, visit)
        }
        return found
    }
}

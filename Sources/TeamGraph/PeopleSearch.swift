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

/// A case-insensitive index of every person's id and name, for search-as-you-type over a million people.
///
/// Built once per network: the ids and names, case-folded, are one byte buffer (`id` U+001F `name`
/// U+000A per person), so a query is one `memmem` scan of that buffer rather than a million string
/// comparisons. Written by hand because it is the hot path of the viewer's search field.
public struct PeopleSearch: Sendable {
    private let folded: [UInt8]
    /// Where each person's bytes start; one more entry at the end.
    private let start: [Int32]
    /// The length of each person's folded id.
    private let idLength: [Int32]

    /// The most hits one search returns.
    public static let maximumLimit = 200

    /// Indexes the ids and names of `network`.
    /// - Complexity: O(total length of ids and names).
    public init(_ network: Network) {
        var folded: [UInt8] = []
        folded.reserveCapacity(network.count * 16)
        var start = [Int32]()
        start.reserveCapacity(network.count + 1)
        var idLength = [Int32]()
        idLength.reserveCapacity(network.count)
        for person in 0..<network.count {
            start.append(Int32(folded.count))
            let id = Self.fold(network.ids[person])
            idLength.append(Int32(id.count))
            folded.append(contentsOf: id)
            folded.append(0x1F)
            folded.append(contentsOf: Self.fold(network.names[person]))
            folded.append(0x0A)
        }
        start.append(Int32(folded.count))
        self.folded = folded
        self.start = start
        self.idLength = idLength
    }

    /// The people whose id or name holds `query`, ranked (``SearchMatch``), in input order within a
    /// rank; at most `limit` (capped at ``maximumLimit``). `network` must be the indexed one.
    public func search(_ query: String, limit: Int, in network: Network) -> [SearchHit] {
        let limit = max(0, min(limit, Self.maximumLimit))
        let trimmed = query.trimmingSpaces
        let needle = Self.fold(trimmed).filter { $0 != 0x1F && $0 != 0x0A }
        guard limit > 0, !needle.isEmpty else { return [] }
        var hits: [SearchHit] = []
        let exact = network.index(of: trimmed)
        if let exact { hits.append(SearchHit(person: exact, match: .id)) }
        // Exact names rank above prefixes wherever they are in the input, so the scan stops early
        // only once `limit` exact names are found; prefixes and substrings are kept up to `limit` each.
        var names = 0
        var found: [SearchHit] = []
        folded.withUnsafeBufferPointer { haystack in
            needle.withUnsafeBufferPointer { needle in
                var offset = 0
                var prefixes = 0
                var substrings = 0
                while offset < haystack.count, names < limit {
                    guard let at = Self.find(needle, in: haystack, from: offset) else { break }
                    let person = personAt(at)
                    offset = Int(start[Int(person) + 1])
                    guard person != exact else { continue }
                    let first = Int(start[Int(person)])
                    let nameStart = first + Int(idLength[Int(person)]) + 1
                    let id = UnsafeBufferPointer(rebasing: haystack[first..<(nameStart - 1)])
                    let name = UnsafeBufferPointer(rebasing: haystack[nameStart..<(offset - 1)])
                    let match: SearchMatch =
                        name.elementsEqual(needle)
                        ? .name : id.starts(with: needle) || name.starts(with: needle) ? .prefix : .substring
                    switch match {
                    case .name: names += 1
                    case .prefix:
                        guard prefixes < limit else { continue }
                        prefixes += 1
                    default:
                        guard substrings < limit else { continue }
                        substrings += 1
                    }
                    found.append(SearchHit(person: person, match: match))
                }
            }
        }
        hits += found.sorted { $0.match != $1.match ? $0.match < $1.match : $0.person < $1.person }
        return Array(hits.prefix(limit))
    }

    /// The offset of the first occurrence of `needle` in `haystack` at or after `offset`, found by
    /// the C library's `memmem` (a two-way search: a scan of 20 MB takes milliseconds).
    private static func find(
        _ needle: UnsafeBufferPointer<UInt8>, in haystack: UnsafeBufferPointer<UInt8>, from offset: Int
    ) -> Int? {
        let base = haystack.baseAddress!
        guard let hit = systemMemmem(base + offset, haystack.count - offset, needle.baseAddress!, needle.count) else {
            return nil
        }
        return base.distance(to: hit.assumingMemoryBound(to: UInt8.self))
    }

    /// The person whose bytes hold `offset`.
    private func personAt(_ offset: Int) -> Int32 {
        var low = 0
        var high = start.count - 1
        while high - low > 1 {
            let mid = (low + high) / 2
            if Int(start[mid]) <= offset { low = mid } else { high = mid }
        }
        return Int32(low)
    }

    /// The text lower-cased, as UTF-8 (ASCII folded byte by byte, the rest by Unicode's rules).
    static func fold(_ text: String) -> [UInt8] {
        if text.utf8.allSatisfy({ $0 < 0x80 }) {
            return text.utf8.map { $0 >= 0x41 && $0 <= 0x5A ? $0 | 0x20 : $0 }
        }
        return Array(text.lowercased().utf8)
    }
}

/// `memmem(3)`: in every C library TeamGraph runs on, but not exported by Swift's Glibc module
/// (glibc declares it only with `_GNU_SOURCE`), so it is named here by its C symbol.
@_silgen_name("memmem")
private func systemMemmem(
    _ haystack: UnsafeRawPointer, _ haystackLength: Int, _ needle: UnsafeRawPointer, _ needleLength: Int
) -> UnsafeMutableRawPointer?

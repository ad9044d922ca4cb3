/// Every person's id and name case-folded into one byte buffer: `id` U+001F `name` U+000A per
/// person, in input order. What ``PeopleSearch`` scans and its indexes point into.
struct FoldedPeople: Sendable {
    /// The byte after each id.
    static let idEnd: UInt8 = 0x1F
    /// The byte after each name.
    static let nameEnd: UInt8 = 0x0A

    let bytes: [UInt8]
    /// Where each person's bytes start; one more entry at the end.
    let start: [Int32]
    /// The length of each person's folded id.
    let idLength: [Int32]

    /// The number of people.
    var count: Int { idLength.count }

    init(_ network: Network) {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(network.count * 16)
        var start = [Int32]()
        start.reserveCapacity(network.count + 1)
        var idLength = [Int32]()
        idLength.reserveCapacity(network.count)
        for person in 0..<network.count {
            start.append(Int32(bytes.count))
            let id = Self.fold(network.ids[person])
            idLength.append(Int32(id.count))
            bytes.append(contentsOf: id)
            bytes.append(Self.idEnd)
            bytes.append(contentsOf: Self.fold(network.names[person]))
            bytes.append(Self.nameEnd)
        }
        start.append(Int32(bytes.count))
        self.bytes = bytes
        self.start = start
        self.idLength = idLength
    }

    /// Where the person's folded id is in ``bytes``.
    func idRange(_ person: Int32) -> Range<Int> {
        let first = Int(start[Int(person)])
        return first..<(first + Int(idLength[Int(person)]))
    }

    /// Where the person's folded name is in ``bytes``.
    func nameRange(_ person: Int32) -> Range<Int> {
        (idRange(person).upperBound + 1)..<(Int(start[Int(person) + 1]) - 1)
    }

    /// How the person matches `needle`, which their id or name holds (and which is not their id
    /// exactly as typed: that is ``SearchMatch/id``, found by the network's id index).
    func match(of person: Int32, for needle: [UInt8]) -> SearchMatch {
        let id = bytes[idRange(person)]
        let name = bytes[nameRange(person)]
        if name.elementsEqual(needle) { return .name }
        return id.starts(with: needle) || name.starts(with: needle) ? .prefix : .substring
    }

    /// Whether the person's id or name holds `needle`.
    func contains(_ needle: [UInt8], person: Int32) -> Bool {
        let range = Int(start[Int(person)])..<Int(start[Int(person) + 1])
        return bytes.withUnsafeBufferPointer { haystack in
            needle.withUnsafeBufferPointer { needle in
                Self.find(needle, in: UnsafeBufferPointer(rebasing: haystack[range]), from: 0) != nil
            }
        }
    }

    /// Calls `body` with each person whose id or name holds `needle`, in input order, from the
    /// person whose bytes hold `offset`, until it returns false.
    func forEachPerson(holding needle: [UInt8], from offset: Int, _ body: (Int32) -> Bool) {
        bytes.withUnsafeBufferPointer { haystack in
            needle.withUnsafeBufferPointer { needle in
                var offset = offset
                while offset < haystack.count {
                    guard let at = Self.find(needle, in: haystack, from: offset) else { return }
                    let person = personAt(at)
                    offset = Int(start[Int(person) + 1])
                    guard body(person) else { return }
                }
            }
        }
    }

    /// The person whose bytes hold `offset`.
    func personAt(_ offset: Int) -> Int32 {
        var low = 0
        var high = start.count - 1
        while high - low > 1 {
            let mid = (low + high) / 2
            if Int(start[mid]) <= offset { low = mid } else { high = mid }
        }
        return Int32(low)
    }

    /// The offset of the first occurrence of `needle` in `haystack` at or after `offset`, found by
    /// the C library's `memmem` (a two-way search: a scan of 20 MB takes milliseconds).
    static func find(
        _ needle: UnsafeBufferPointer<UInt8>, in haystack: UnsafeBufferPointer<UInt8>, from offset: Int
    ) -> Int? {
        guard let base = haystack.baseAddress, offset < haystack.count else { return nil }
        guard let hit = systemMemmem(base + offset, haystack.count - offset, needle.baseAddress!, needle.count) else {
            return nil
        }
        return base.distance(to: hit.assumingMemoryBound(to: UInt8.self))
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

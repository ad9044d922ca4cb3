#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The people in the order of their folded ids and, apart, of their folded names (ties in input
/// order): exact names and prefixes are then one binary search away.
struct SortedPeople: Sendable {
    let byID: [Int32]
    let byName: [Int32]

    init(_ text: FoldedPeople) {
        byID = Self.sorted(text, by: text.idRange)
        byName = Self.sorted(text, by: text.nameRange)
    }

    private static func sorted(_ text: FoldedPeople, by key: (Int32) -> Range<Int>) -> [Int32] {
        var order = (0..<Int32(text.count)).map { $0 }
        text.bytes.withUnsafeBufferPointer { bytes in
            order.sort { a, b in
                let order = compare(
                    UnsafeBufferPointer(rebasing: bytes[key(a)]), UnsafeBufferPointer(rebasing: bytes[key(b)]))
                return order != 0 ? order < 0 : a < b
            }
        }
        return order
    }

    /// The people whose folded name is `needle`, in input order, at most `limit`, without `exact`.
    func exactNames(_ needle: [UInt8], excluding exact: Int32?, limit: Int, text: FoldedPeople) -> [Int32] {
        let names = ranges(of: needle, in: byName, key: text.nameRange, text: text).equal
        return Array(byName[names].lazy.filter { $0 != exact }.prefix(limit))
    }

    /// The first `limit` people, in input order, whose folded id or name starts with `needle`,
    /// other than `exact` and those whose name is `needle`.
    func prefixes(_ needle: [UInt8], excluding exact: Int32?, limit: Int, text: FoldedPeople) -> [Int32] {
        let ids = ranges(of: needle, in: byID, key: text.idRange, text: text)
        let names = ranges(of: needle, in: byName, key: text.nameRange, text: text)
        var first = SmallestPeople(limit: limit)
        for person in byID[ids.prefixed]
        where person != exact && !text.bytes[text.nameRange(person)].elementsEqual(needle) {
            first.insert(person)
        }
        for person in byName[names.equal.upperBound..<names.prefixed.upperBound]
        where person != exact && !text.bytes[text.idRange(person)].starts(with: needle) {
            first.insert(person)
        }
        return first.ascending
    }

    /// Where in `order` the keys start with `needle` and, at the front of those, where they equal it.
    private func ranges(
        of needle: [UInt8], in order: [Int32], key: (Int32) -> Range<Int>, text: FoldedPeople
    ) -> (equal: Range<Int>, prefixed: Range<Int>) {
        text.bytes.withUnsafeBufferPointer { bytes in
            needle.withUnsafeBufferPointer { needle in
                func keyAt(_ position: Int) -> UnsafeBufferPointer<UInt8> {
                    UnsafeBufferPointer(rebasing: bytes[key(order[position])])
                }
                let lower = Self.end(ofRunIn: 0..<order.count) { Self.compare(keyAt($0), needle) < 0 }
                let prefixedEnd = Self.end(ofRunIn: lower..<order.count) { Self.starts(keyAt($0), with: needle) }
                let equalEnd = Self.end(ofRunIn: lower..<prefixedEnd) { keyAt($0).count == needle.count }
                return (lower..<equalEnd, lower..<prefixedEnd)
            }
        }
    }

    /// The first position in `range` where `holds` is false, `holds` being true on a leading run
    /// of `range` and false after it.
    private static func end(ofRunIn range: Range<Int>, where holds: (Int) -> Bool) -> Int {
        var low = range.lowerBound
        var high = range.upperBound
        while low < high {
            let mid = (low + high) / 2
            if holds(mid) { low = mid + 1 } else { high = mid }
        }
        return low
    }

    private static func starts(_ key: UnsafeBufferPointer<UInt8>, with needle: UnsafeBufferPointer<UInt8>) -> Bool {
        key.count >= needle.count && memcmp(key.baseAddress!, needle.baseAddress!, needle.count) == 0
    }

    /// -1, 0 or 1 as `a` sorts before, with or after `b`, byte by byte, a prefix first.
    static func compare(_ a: UnsafeBufferPointer<UInt8>, _ b: UnsafeBufferPointer<UInt8>) -> Int {
        let common = min(a.count, b.count)
        if common > 0 {
            let order = memcmp(a.baseAddress!, b.baseAddress!, common)
            if order != 0 { return order < 0 ? -1 : 1 }
        }
        return a.count == b.count ? 0 : a.count < b.count ? -1 : 1
    }
}

/// The `limit` smallest person indexes of those inserted: a max-heap, so a million inserts cost
/// a comparison each once it is full.
struct SmallestPeople {
    let limit: Int
    private var heap: [Int32] = []

    init(limit: Int) { self.limit = limit }

    mutating func insert(_ person: Int32) {
        guard limit > 0 else { return }
        if heap.count < limit {
            heap.append(person)
            var child = heap.count - 1
            while child > 0, heap[(child - 1) / 2] < heap[child] {
                heap.swapAt(child, (child - 1) / 2)
                child = (child - 1) / 2
            }
        } else if person < heap[0] {
            heap[0] = person
            var parent = 0
            while true {
                var largest = parent
                for child in [2 * parent + 1, 2 * parent + 2] where child < heap.count && heap[child] > heap[largest] {
                    largest = child
                }
                guard largest != parent else { break }
                heap.swapAt(parent, largest)
                parent = largest
            }
        }
    }

    var ascending: [Int32] { heap.sorted() }
}

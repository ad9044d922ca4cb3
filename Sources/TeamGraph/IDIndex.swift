/// Person index by id: an open-addressing hash table from id to position.
///
/// Written by hand because resolving a million ids and two million references through
/// `Dictionary<String, Int32>` was a quarter of `teamgraph metrics` on a 1,000,000-person file
/// (perf; see docs/benchmarks.md). Each slot holds the id next to its index, so a lookup costs
/// one cache miss. The hash is the standard library's `Hasher` (SipHash, seeded at random per
/// process) over the id's contiguous UTF-8 bytes: ids are data from outside, and an unseeded hash
/// such as FNV let crafted ids collide and made loading quadratic (100,000 crafted ids: 18 s).
public struct IDIndex: Sendable {
    private struct Slot {
        var id: String
        /// The person's index, or -1 for an empty slot.
        var index: Int32
    }

    private var slots: [Slot]
    private let shift: UInt64

    /// An empty index with room for `count` ids.
    public init(capacity count: Int) {
        var bits: UInt64 = 4
        while (1 << bits) < count * 2 { bits += 1 }
        slots = [Slot](repeating: Slot(id: "", index: -1), count: 1 << bits)
        shift = 64 - bits
    }

    /// An index of `ids`; when an id repeats, the first occurrence wins.
    ///
    /// - Complexity: O(n) expected.
    public init(_ ids: [String]) {
        self.init(capacity: ids.count)
        for (i, id) in ids.enumerated() { insert(id, at: Int32(i)) }
    }

    /// Adds `id` at `index` unless present; returns the index already there, if any.
    @discardableResult
    public mutating func insert(_ id: String, at index: Int32) -> Int32? {
        let mask = slots.count - 1
        var slot = Int(IDIndex.hash(id) >> shift)
        return slots.withUnsafeMutableBufferPointer { slots in
            while true {
                if slots[slot].index < 0 {
                    slots[slot] = Slot(id: id, index: index)
                    return nil
                }
                if slots[slot].id == id { return slots[slot].index }
                slot = (slot + 1) & mask
            }
        }
    }

    /// The index of `id`, if present.
    public func find(_ id: String) -> Int32? {
        let mask = slots.count - 1
        var slot = Int(IDIndex.hash(id) >> shift)
        return slots.withUnsafeBufferPointer { slots in
            while true {
                let entry = slots[slot]
                if entry.index < 0 { return nil }
                if entry.id == id { return entry.index }
                slot = (slot + 1) & mask
            }
        }
    }

    /// The longest run of occupied slots a lookup may walk: what a flood of colliding ids would
    /// make as long as the table (checked by the tests).
    func longestProbe() -> Int {
        var longest = 0
        var run = 0
        // Twice round, so a run that wraps past the end is counted whole.
        for slot in slots + slots {
            run = slot.index >= 0 ? run + 1 : 0
            longest = max(longest, run)
        }
        return min(longest, slots.count)
    }

    static func hash(_ id: String) -> UInt64 {
        var id = id
        return id.withUTF8 { bytes in
            var hasher = Hasher()
            hasher.combine(bytes: UnsafeRawBufferPointer(bytes))
            return UInt64(UInt(bitPattern: hasher.finalize()))
        }
    }
}

/// Person index by id: an open-addressing hash table from id to position.
///
/// Written by hand because resolving a million ids and two million references through
/// `Dictionary<String, Int32>` was a quarter of `teamgraph metrics` on a 1,000,000-person file
/// (perf; see docs/benchmarks.md). Each slot holds the id next to its index, so a lookup costs
/// one cache miss, and the hash is FNV-1a over the UTF-8 bytes with a Fibonacci multiply rather
/// than a seeded SipHash `Hasher` per lookup.
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

    static func hash(_ id: String) -> UInt64 {
        var id = id
        return id.withUTF8 { bytes in
            var hash: UInt64 = 0xcbf2_9ce4_8422_2325
            for byte in bytes {
                hash = (hash ^ UInt64(byte)) &* 0x0000_0100_0000_01b3
            }
            return hash &* 0x9E37_79B9_7F4A_7C15
        }
    }
}

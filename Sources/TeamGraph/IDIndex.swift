/// Person index by id: an open-addressing hash table over the network's id array.
///
/// Written by hand because resolving a million ids and two million references through
/// `Dictionary<String, Int32>` was a quarter of `teamgraph metrics` on a 1,000,000-person file
/// (perf; see docs/benchmarks.md). Each slot packs 32 bits of the id's hash with its index, so a
/// probe touches the id array only when the hashes agree; the hash is FNV-1a over the UTF-8
/// bytes with a Fibonacci multiply, with no per-lookup `Hasher` seeding.
public struct IDIndex: Sendable {
    /// `hash32 << 32 | (index + 1)`; 0 is an empty slot.
    private var slots: [UInt64]
    private let shift: UInt64

    /// An empty index with room for `count` ids.
    public init(capacity count: Int) {
        var bits: UInt64 = 4
        while (1 << bits) < count * 2 { bits += 1 }
        slots = [UInt64](repeating: 0, count: 1 << bits)
        shift = 64 - bits
    }

    /// An index of `ids`; when an id repeats, the first occurrence wins.
    ///
    /// - Complexity: O(n) expected.
    public init(_ ids: [String]) {
        self.init(capacity: ids.count)
        for (i, id) in ids.enumerated() { insert(id, at: Int32(i), in: ids) }
    }

    /// Adds `id` (at position `index` of `ids`) unless present; returns the index already there, if any.
    @discardableResult
    public mutating func insert(_ id: String, at index: Int32, in ids: [String]) -> Int32? {
        let hash = IDIndex.hash(id)
        let tag = hash & 0xFFFF_FFFF_0000_0000
        let mask = slots.count - 1
        var slot = Int(hash >> shift)
        return slots.withUnsafeMutableBufferPointer { slots in
            while true {
                let entry = slots[slot]
                if entry == 0 {
                    slots[slot] = tag | UInt64(index + 1)
                    return nil
                }
                if entry & 0xFFFF_FFFF_0000_0000 == tag {
                    let existing = Int32(truncatingIfNeeded: entry & 0xFFFF_FFFF) - 1
                    if ids[Int(existing)] == id { return existing }
                }
                slot = (slot + 1) & mask
            }
        }
    }

    /// The index of `id` in `ids` (the array this index was built over), if present.
    public func find(_ id: String, in ids: [String]) -> Int32? {
        let hash = IDIndex.hash(id)
        let tag = hash & 0xFFFF_FFFF_0000_0000
        let mask = slots.count - 1
        var slot = Int(hash >> shift)
        return slots.withUnsafeBufferPointer { slots in
            while true {
                let entry = slots[slot]
                if entry == 0 { return nil }
                if entry & 0xFFFF_FFFF_0000_0000 == tag {
                    let existing = Int32(truncatingIfNeeded: entry & 0xFFFF_FFFF) - 1
                    if ids[Int(existing)] == id { return existing }
                }
                slot = (slot + 1) & mask
            }
        }
    }

    static func hash(_ id: String) -> UInt64 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in id.utf8 {
            hash = (hash ^ UInt64(byte)) &* 0x0000_0100_0000_01b3
        }
        return hash &* 0x9E37_79B9_7F4A_7C15
    }
}

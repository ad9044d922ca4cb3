import Testing

@testable import TeamGraph

/// The id index stays a hash table with short probes even for ids chosen to collide.
@Suite struct IDIndexTests {
    /// The hash the index used before issue 15: FNV-1a with a Fibonacci multiply, the same in
    /// every process, so ids could be crafted to land in one slot.
    static func unseededHash(_ id: String) -> UInt64 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in id.utf8 { hash = (hash ^ UInt64(byte)) &* 0x0000_0100_0000_01b3 }
        return hash &* 0x9E37_79B9_7F4A_7C15
    }

    /// 500 ids that all fell into slot 0 of a 1,024-slot table under the old hash (found by
    /// trying candidates, as an attacker would): with the seeded hash their probes stay short.
    @Test func craftedCollisionsStayShort() {
        let capacity = 500
        let shift: UInt64 = 64 - 10
        var crafted: [String] = []
        var candidate = 0
        while crafted.count < capacity {
            let id = "m\(candidate)"
            if Self.unseededHash(id) >> shift == 0 { crafted.append(id) }
            candidate += 1
        }
        var index = IDIndex(capacity: capacity)
        for (i, id) in crafted.enumerated() { #expect(index.insert(id, at: Int32(i)) == nil) }
        #expect(index.longestProbe() < 64, "a run of \(index.longestProbe()) occupied slots")
        for (i, id) in crafted.enumerated() { #expect(index.find(id) == Int32(i)) }
        #expect(index.find("m-1") == nil)
    }

    @Test func firstOccurrenceWins() {
        let index = IDIndex(["a", "b", "a", "c"])
        #expect(index.find("a") == 0)
        #expect(index.find("c") == 3)
        #expect(index.find("") == nil)
    }
}

/// Which people's folded id or name holds each three-byte sequence: the candidates for a
/// substring of three bytes or more, so a query reads the people who could match, not everyone.
///
/// Trigrams are hashed into a power-of-two number of buckets (a million people, a million buckets:
/// 4 MB of offsets); a collision only adds candidates, which ``PeopleSearch`` checks anyway. Each
/// bucket lists every person once, in input order.
struct SubstringIndex: Sendable {
    private let shift: UInt32
    private let bucketStart: [Int32]
    private let people: [Int32]

    /// The shortest query the index answers; shorter ones are scanned.
    static let gramLength = 3

    init(_ text: FoldedPeople) {
        var bits: UInt32 = 10
        while bits < 20, 1 << bits < text.count { bits += 1 }
        let shift = 32 - bits
        self.shift = shift
        var bucketStart = [Int32](repeating: 0, count: (1 << bits) + 1)
        var grams: [UInt32] = []
        // Two passes over everyone's trigrams, one to count each bucket and one to fill it: twice
        // the hashing, but the postings are written once into an exactly sized array instead of
        // being kept as (bucket, person) pairs to sort, which would triple the peak memory.
        text.bytes.withUnsafeBufferPointer { bytes in
            for person in 0..<Int32(text.count) {
                Self.buckets(of: person, in: text, bytes: bytes, shift: shift, into: &grams)
                for bucket in grams { bucketStart[Int(bucket) + 1] += 1 }
            }
        }
        for bucket in 1..<bucketStart.count { bucketStart[bucket] += bucketStart[bucket - 1] }
        var next = bucketStart
        var people = [Int32](repeating: 0, count: Int(bucketStart.last!))
        text.bytes.withUnsafeBufferPointer { bytes in
            for person in 0..<Int32(text.count) {
                Self.buckets(of: person, in: text, bytes: bytes, shift: shift, into: &grams)
                for bucket in grams {
                    people[Int(next[Int(bucket)])] = person
                    next[Int(bucket)] += 1
                }
            }
        }
        self.bucketStart = bucketStart
        self.people = people
    }

    /// Calls `body` with every person who may hold `needle`, in input order, until it returns
    /// false; false without calling it when `needle` is shorter than ``gramLength``.
    func forEachCandidate(holding needle: [UInt8], _ body: (Int32) -> Bool) -> Bool {
        guard needle.count >= Self.gramLength else { return false }
        var lists = Set(
            (0...(needle.count - Self.gramLength)).map {
                Self.bucket(needle[$0], needle[$0 + 1], needle[$0 + 2], shift: shift)
            }
        ).map { Int(bucketStart[Int($0)])..<Int(bucketStart[Int($0) + 1]) }
        lists.sort { $0.count < $1.count }
        // The rarest few trigrams narrow the candidates enough; the caller checks each one.
        lists = Array(lists.prefix(4))
        var cursors = lists.dropFirst().map(\.lowerBound)
        people.withUnsafeBufferPointer { people in
            candidates: for position in lists[0] {
                let person = people[position]
                for (k, list) in lists.dropFirst().enumerated() {
                    cursors[k] = Self.first(atLeast: person, in: people, from: cursors[k], to: list.upperBound)
                    guard cursors[k] < list.upperBound, people[cursors[k]] == person else { continue candidates }
                }
                guard body(person) else { return }
            }
        }
        return true
    }

    /// The first position in `from ..< to` (sorted) whose person is `person` or later: a gallop
    /// then a binary search, so skipping far through a long list costs a few reads.
    private static func first(atLeast person: Int32, in people: UnsafeBufferPointer<Int32>, from: Int, to: Int) -> Int {
        guard from < to, people[from] < person else { return from }
        var low = from
        var step = 1
        while low + step < to, people[low + step] < person {
            low += step
            step *= 2
        }
        var high = min(low + step, to)
        low += 1
        while low < high {
            let mid = (low + high) / 2
            if people[mid] < person { low = mid + 1 } else { high = mid }
        }
        return low
    }

    /// The distinct buckets of the trigrams of the person's id and of their name (none spans both).
    private static func buckets(
        of person: Int32, in text: FoldedPeople, bytes: UnsafeBufferPointer<UInt8>, shift: UInt32,
        into grams: inout [UInt32]
    ) {
        grams.removeAll(keepingCapacity: true)
        for range in [text.idRange(person), text.nameRange(person)] where range.count >= gramLength {
            for at in range.lowerBound...(range.upperBound - gramLength) {
                let bucket = Self.bucket(bytes[at], bytes[at + 1], bytes[at + 2], shift: shift)
                // Insertion into a sorted list without repeats: a person has a few dozen trigrams.
                var position = grams.count
                while position > 0, grams[position - 1] > bucket { position -= 1 }
                if position == 0 || grams[position - 1] != bucket { grams.insert(bucket, at: position) }
            }
        }
    }

    private static func bucket(_ a: UInt8, _ b: UInt8, _ c: UInt8, shift: UInt32) -> UInt32 {
        ((UInt32(a) | UInt32(b) << 8 | UInt32(c) << 16) &* 0x9E37_79B1) >> shift
    }
}

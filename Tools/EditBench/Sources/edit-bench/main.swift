// edit-bench STORE [EDITS] [SEED]
//
// Applies EDITS (default 1,000) single edits to the store, each through `Store.apply` in its own
// transaction, and prints the per-edit cost. The edits cycle through four kinds on people drawn
// at random (seeded): `set --role`, `assign --owner` (their sponsor), `move` with the downline
// and `move --alone` (both under their sponsor's sponsor, an ancestor, so never a cycle). All are
// dated 2026-07-01. Picking the people reads the network once, before the clock starts.
import Foundation
import TeamGraph
import TeamGraphStore

let arguments = CommandLine.arguments
guard arguments.count >= 2 else {
    FileHandle.standardError.write(Data("usage: edit-bench STORE [EDITS] [SEED]\n".utf8))
    exit(2)
}
let path = arguments[1]
let edits = arguments.count > 2 ? Int(arguments[2]) ?? 1000 : 1000
/// SplitMix64: a small deterministic generator.
struct SplitMix {
    var state: UInt64
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
var random = SplitMix(state: arguments.count > 3 ? UInt64(arguments[3]) ?? 42 : 42)

/// Picks and applies the edits, printing the figures.
func run(path: String, edits: Int, random: inout SplitMix) throws(StoreError) {
    let store = try Store.open(path, mode: .readWrite)
    let network = try store.latestNetwork()
    let sponsors = network.sponsor.parents
    // People with a sponsor's sponsor.
    let candidates = (0..<network.count).filter { sponsors[$0] >= 0 && sponsors[Int(sponsors[$0])] >= 0 }
    guard !candidates.isEmpty else { throw StoreError.refused("no one has a sponsor's sponsor") }
    var plan: [Edit] = []
    for k in 0..<edits {
        let i = candidates[Int(random.next() % UInt64(candidates.count))]
        let id = network.ids[i]
        let sponsor = network.ids[Int(sponsors[i])]
        let grand = network.ids[Int(sponsors[Int(sponsors[i])])]
        switch k % 4 {
        case 0: plan.append(.set(person: id, PersonUpdate(role: "Role \(k)")))
        case 1: plan.append(.assign(person: id, owner: sponsor))
        case 2: plan.append(.move(person: id, sponsor: grand, alone: false))
        default: plan.append(.move(person: id, sponsor: grand, alone: true))
        }
    }
    let info = EditInfo(date: Day(parsing: "2026-07-01")!, author: "bench", reason: "edit benchmark")
    var durations: [Double] = []
    var refused = 0
    var changes = 0
    let clock = ContinuousClock()
    let start = clock.now
    for edit in plan {
        let t0 = clock.now
        do {
            changes += try store.apply(edit, info: info).changes
        } catch {
            guard case .refused = error else { throw error }
            refused += 1
        }
        let elapsed = clock.now - t0
        durations.append(Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18)
    }
    let total = clock.now - start
    let totalSeconds = Double(total.components.seconds) + Double(total.components.attoseconds) / 1e18
    durations.sort()
    func ms(_ s: Double) -> String { String(format: "%.2f ms", s * 1000) }
    print(
        "people: \(network.count); edits: \(edits) (\(refused) refused, \(changes) changes recorded); total \(String(format: "%.2f", totalSeconds)) s"
    )
    print(
        "per edit: mean \(ms(totalSeconds / Double(edits))), median \(ms(durations[durations.count / 2])), p99 \(ms(durations[durations.count * 99 / 100])), max \(ms(durations.last!))"
    )
}

do {
    try run(path: path, edits: edits, random: &random)
} catch {
    FileHandle.standardError.write(Data("edit-bench: \(error)\n".utf8))
    exit(1)
}

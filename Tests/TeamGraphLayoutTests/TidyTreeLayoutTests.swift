import TeamGraphLayout
import Testing

/// Random forests with random box sizes, checked for the tidy-tree guarantees.
@Suite struct TidyTreeLayoutTests {
    struct Forest {
        var parents: [Int32]
        var children: [[Int32]]
        var widths: [Double]
        var heights: [Double]
    }

    /// A deterministic pseudo-random forest: heavy-tailed fan-out, some chains, several roots.
    static func forest(_ n: Int, seed: UInt64) -> Forest {
        var state = seed
        func next(_ bound: Int) -> Int {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int((state >> 33) % UInt64(bound))
        }
        var parents = [Int32](repeating: -1, count: n)
        for v in 1..<max(n, 1) {
            let r = next(100)
            if r < 3 { continue }  // another root
            // Prefer recent nodes (chains) or early ones (wide fan-out).
            parents[v] = Int32(r < 50 ? max(0, v - 1 - next(3)) : next(max(1, min(v, 40))))
        }
        var children = [[Int32]](repeating: [], count: n)
        for v in 0..<n where parents[v] >= 0 { children[Int(parents[v])].append(Int32(v)) }
        let widths = (0..<n).map { _ in Double(40 + next(120)) }
        let heights = (0..<n).map { _ in Double(20 + next(40)) }
        return Forest(parents: parents, children: children, widths: widths, heights: heights)
    }

    func layout(_ f: Forest) -> TidyTreeLayout.Positions {
        TidyTreeLayout().layout(parents: f.parents, children: f.children, widths: f.widths, heights: f.heights)
    }

    @Test(arguments: [(50, 1), (500, 2), (3000, 3), (3000, 4)] as [(Int, UInt64)])
    func noTwoBoxesOverlap(n: Int, seed: UInt64) {
        let f = Self.forest(n, seed: seed)
        let p = layout(f)
        // Boxes on one band are disjoint along x (bands never overlap along y).
        var bands: [Double: [Int]] = [:]
        for v in 0..<n { bands[p.y[v], default: []].append(v) }
        for (_, members) in bands {
            let sorted = members.sorted { p.x[$0] < p.x[$1] }
            for (a, b) in zip(sorted, sorted.dropFirst()) {
                #expect(p.x[a] + f.widths[a] / 2 <= p.x[b] - f.widths[b] / 2 + 1e-6, "boxes \(a) and \(b) overlap")
            }
        }
        for v in 0..<n where f.parents[v] >= 0 {
            let parent = Int(f.parents[v])
            #expect(p.y[v] - f.heights[v] / 2 > p.y[parent] + f.heights[parent] / 2, "child above parent")
        }
    }

    @Test(arguments: [(500, 5), (3000, 6)] as [(Int, UInt64)])
    func parentsAreCentredAndEdgesDoNotCross(n: Int, seed: UInt64) {
        let f = Self.forest(n, seed: seed)
        let p = layout(f)
        for v in 0..<n where !f.children[v].isEmpty {
            let first = Int(f.children[v].first!)
            let last = Int(f.children[v].last!)
            #expect(abs(p.x[v] - (p.x[first] + p.x[last]) / 2) < 1e-6)
        }
        // Edges between two bands cross exactly when the children's order disagrees with their
        // parents' order: sort every child by x and check parents' x never decreases.
        var bands: [Double: [Int]] = [:]
        for v in 0..<n where f.parents[v] >= 0 { bands[p.y[v], default: []].append(v) }
        for (_, members) in bands {
            let sorted = members.sorted { p.x[$0] < p.x[$1] }
            for (a, b) in zip(sorted, sorted.dropFirst()) {
                #expect(p.x[Int(f.parents[a])] <= p.x[Int(f.parents[b])] + 1e-6, "edges to \(a) and \(b) cross")
            }
        }
    }

    @Test func identicalSubtreesAreDrawnIdentically() {
        // Two copies of the same random subtree under one root, with a different subtree between.
        let part = Self.forest(60, seed: 9)
        let other = Self.forest(30, seed: 10)
        var parents: [Int32] = [-1]
        var widths: [Double] = [80]
        var heights: [Double] = [30]
        var roots: [Int] = []
        for piece in [part, other, part] {
            let base = Int32(parents.count)
            for v in 0..<piece.parents.count {
                // Attach the piece's roots under the common root.
                parents.append(piece.parents[v] < 0 ? 0 : piece.parents[v] + base)
                if piece.parents[v] < 0 { roots.append(Int(base) + v) }
            }
            widths += piece.widths
            heights += piece.heights
        }
        var children = [[Int32]](repeating: [], count: parents.count)
        for v in 1..<parents.count { children[Int(parents[v])].append(Int32(v)) }
        let p = TidyTreeLayout().layout(parents: parents, children: children, widths: widths, heights: heights)
        let first = 1
        let third = 1 + 60 + 30
        let dx = p.x[third] - p.x[first]
        for v in 0..<60 {
            #expect(abs(p.x[third + v] - p.x[first + v] - dx) < 1e-6)
            #expect(p.y[third + v] == p.y[first + v])
        }
    }

    @Test func aChainTwoHundredThousandDeepNeedsNoRecursion() {
        let n = 200_000
        let parents = (0..<n).map { Int32($0 - 1) }
        let children = (0..<n).map { $0 + 1 < n ? [Int32($0 + 1)] : [] }
        let p = TidyTreeLayout().layout(
            parents: parents, children: children, widths: Array(repeating: 50, count: n),
            heights: Array(repeating: 20, count: n))
        #expect(p.x.allSatisfy { $0 == 25 })
        #expect(p.y[n - 1] == Double(n - 1) * (20 + 54) + 10)
    }

    @Test func smallTreeExactPositions() {
        // r with children a, b; a has children c, d. Widths 40, separations 10/20, bands 20 apart.
        let layout = TidyTreeLayout(siblingSeparation: 10, subtreeSeparation: 20, levelSeparation: 20)
        let p = layout.layout(
            parents: [-1, 0, 0, 1, 1], children: [[1, 2], [3, 4], [], [], []],
            widths: Array(repeating: 40, count: 5), heights: Array(repeating: 10, count: 5))
        // c at 20, d at 70; a centred at 45; b right of a by 50 → 95; r centred over a and b → 70.
        #expect(p.x == [70, 45, 95, 20, 70])
        #expect(p.y == [5, 35, 35, 65, 65])
        #expect(p.width == 115)
    }
}

/// A tidy drawing of a forest in linear time: Reingold–Tilford made linear by Buchheim, Jünger
/// and Leipert (2002), with boxes of any size.
///
/// The guarantees of that algorithm hold: no two boxes overlap, each parent is centred over its
/// first and last child, identical subtrees are drawn identically (mirror-symmetric and in the
/// order given), and subtrees are packed as closely as the separations allow. Depth bands are as
/// tall as their tallest box, so the drawing is layered. Every pass is a loop over arrays in pre-
/// or post-order: no recursion, so a chain a million deep is laid out like any other tree.
public struct TidyTreeLayout: Sendable {
    /// The gap between neighbouring boxes with the same parent.
    public var siblingSeparation: Double
    /// The gap between neighbouring boxes with different parents.
    public var subtreeSeparation: Double
    /// The gap between two depth bands.
    public var levelSeparation: Double

    /// Creates a layout with the given gaps (in the units of the box sizes).
    public init(siblingSeparation: Double = 18, subtreeSeparation: Double = 36, levelSeparation: Double = 54) {
        self.siblingSeparation = siblingSeparation
        self.subtreeSeparation = subtreeSeparation
        self.levelSeparation = levelSeparation
    }

    /// Box centres for a forest.
    public struct Positions: Sendable {
        /// The x coordinate of each box's centre.
        public var x: [Double]
        /// The y coordinate of each box's centre (growing downwards, root band first).
        public var y: [Double]
        /// The width of the whole drawing.
        public var width: Double
        /// The height of the whole drawing.
        public var height: Double
    }

    /// Lays out a forest.
    ///
    /// - Parameters:
    ///   - parents: each node's parent, `-1` for a root; must be acyclic.
    ///   - children: each node's children in drawing order (left to right).
    ///   - widths: each box's width (along a level).
    ///   - heights: each box's height (across levels).
    /// - Returns: box centres with the leftmost box edge at x = 0 and the top band at y = 0.
    /// - Complexity: O(n).
    public func layout(parents: [Int32], children: [[Int32]], widths: [Double], heights: [Double]) -> Positions {
        let realCount = parents.count
        guard realCount > 0 else { return Positions(x: [], y: [], width: 0, height: 0) }
        // One virtual root above all roots turns the forest into a tree.
        let root = Int32(realCount)
        let n = realCount + 1
        var parent = parents + [-1]
        var kids = children + [[]]
        for v in 0..<realCount where parents[v] < 0 {
            kids[realCount].append(Int32(v))
            parent[v] = root
        }
        let width = widths + [0]

        // Sibling numbers and left siblings.
        var number = [Int32](repeating: 0, count: n)
        var leftSibling = [Int32](repeating: -1, count: n)
        var leftmostSibling = [Int32](repeating: -1, count: n)
        for v in 0..<n {
            let c = kids[v]
            for (k, w) in c.enumerated() {
                number[Int(w)] = Int32(k + 1)
                leftSibling[Int(w)] = k > 0 ? c[k - 1] : -1
                leftmostSibling[Int(w)] = c[0]
            }
        }

        // Post-order (children left to right): the reverse of a pre-order that visits children
        // right to left.
        var order = [Int32]()
        order.reserveCapacity(n)
        var stack: [Int32] = [root]
        while let v = stack.popLast() {
            order.append(v)
            for w in kids[Int(v)] { stack.append(w) }
        }
        order.reverse()

        var prelim = [Double](repeating: 0, count: n)
        var mod = [Double](repeating: 0, count: n)
        var shift = [Double](repeating: 0, count: n)
        var change = [Double](repeating: 0, count: n)
        var thread = [Int32](repeating: -1, count: n)
        var ancestor = (0..<n).map { Int32($0) }
        var defaultAncestor = [Int32](repeating: -1, count: n)

        func distance(_ a: Int32, _ b: Int32) -> Double {
            let gap = parent[Int(a)] == parent[Int(b)] ? siblingSeparation : subtreeSeparation
            return (width[Int(a)] + width[Int(b)]) / 2 + gap
        }
        func nextLeft(_ v: Int32) -> Int32 { kids[Int(v)].first ?? thread[Int(v)] }
        func nextRight(_ v: Int32) -> Int32 { kids[Int(v)].last ?? thread[Int(v)] }

        for v in order {
            let vi = Int(v)
            let c = kids[vi]
            let left = leftSibling[vi]
            if c.isEmpty {
                prelim[vi] = left >= 0 ? prelim[Int(left)] + distance(left, v) : 0
            } else {
                // Execute the shifts recorded while placing the children.
                var s = 0.0
                var ch = 0.0
                for w in c.reversed() {
                    let wi = Int(w)
                    prelim[wi] += s
                    mod[wi] += s
                    ch += change[wi]
                    s += shift[wi] + ch
                }
                let midpoint = (prelim[Int(c[0])] + prelim[Int(c[c.count - 1])]) / 2
                if left >= 0 {
                    prelim[vi] = prelim[Int(left)] + distance(left, v)
                    mod[vi] = prelim[vi] - midpoint
                } else {
                    prelim[vi] = midpoint
                }
            }
            // Apportion: push v's subtree right of its left siblings' subtrees.
            let p = parent[vi]
            guard p >= 0 else { continue }
            if defaultAncestor[Int(p)] < 0 { defaultAncestor[Int(p)] = v }
            guard left >= 0 else { continue }
            var vip = v
            var vop = v
            var vim = left
            var vom = leftmostSibling[vi]
            var sip = mod[Int(vip)]
            var sop = mod[Int(vop)]
            var sim = mod[Int(vim)]
            var som = mod[Int(vom)]
            while nextRight(vim) >= 0 && nextLeft(vip) >= 0 {
                vim = nextRight(vim)
                vip = nextLeft(vip)
                vom = nextLeft(vom)
                vop = nextRight(vop)
                ancestor[Int(vop)] = v
                let gap = (prelim[Int(vim)] + sim) - (prelim[Int(vip)] + sip) + distance(vim, vip)
                if gap > 0 {
                    let candidate = ancestor[Int(vim)]
                    let wm = parent[Int(candidate)] == p ? candidate : defaultAncestor[Int(p)]
                    let subtrees = Double(number[vi] - number[Int(wm)])
                    change[vi] -= gap / subtrees
                    shift[vi] += gap
                    change[Int(wm)] += gap / subtrees
                    prelim[vi] += gap
                    mod[vi] += gap
                    sip += gap
                    sop += gap
                }
                sim += mod[Int(vim)]
                sip += mod[Int(vip)]
                som += mod[Int(vom)]
                sop += mod[Int(vop)]
            }
            if nextRight(vim) >= 0 && nextRight(vop) < 0 {
                thread[Int(vop)] = nextRight(vim)
                mod[Int(vop)] += sim - sop
            }
            if nextLeft(vip) >= 0 && nextLeft(vom) < 0 {
                thread[Int(vom)] = nextLeft(vip)
                mod[Int(vom)] += sip - som
                defaultAncestor[Int(p)] = v
            }
        }

        // Second walk, in pre-order: x = prelim + the sum of the ancestors' mods.
        var x = [Double](repeating: 0, count: n)
        var modSum = [Double](repeating: 0, count: n)
        var depth = [Int32](repeating: 0, count: n)
        var preorderStack: [Int32] = [root]
        var maxDepth: Int32 = 0
        while let v = preorderStack.popLast() {
            let vi = Int(v)
            x[vi] = prelim[vi] + modSum[vi]
            for w in kids[vi] {
                modSum[Int(w)] = modSum[vi] + mod[vi]
                depth[Int(w)] = depth[vi] + 1
                maxDepth = max(maxDepth, depth[Int(w)])
                preorderStack.append(w)
            }
        }
        // Bands: as tall as their tallest box; the virtual root's band (depth 0) is dropped.
        var bandHeight = [Double](repeating: 0, count: Int(maxDepth) + 1)
        for v in 0..<realCount { bandHeight[Int(depth[v])] = max(bandHeight[Int(depth[v])], heights[v]) }
        var bandTop = [Double](repeating: 0, count: Int(maxDepth) + 2)
        for d in 1...Int(maxDepth) { bandTop[d + 1] = bandTop[d] + bandHeight[d] + levelSeparation }
        var minX = Double.infinity
        var maxX = -Double.infinity
        for v in 0..<realCount {
            minX = min(minX, x[v] - width[v] / 2)
            maxX = max(maxX, x[v] + width[v] / 2)
        }
        var xs = [Double](repeating: 0, count: realCount)
        var ys = [Double](repeating: 0, count: realCount)
        for v in 0..<realCount {
            xs[v] = x[v] - minX
            let d = Int(depth[v])
            ys[v] = bandTop[d] + bandHeight[d] / 2
        }
        return Positions(
            x: xs, y: ys, width: maxX - minX, height: bandTop[Int(maxDepth)] + bandHeight[Int(maxDepth)])
    }
}

/// One parent relation over people, indexed for fast queries.
///
/// Built from a parent array (`-1` for a root) in linear time without recursion: children in
/// compressed rows (CSR) in input order, a pre-order numbering, depths and subtree sizes. With the
/// pre-order numbering, "is B above A" is two comparisons.
public struct Forest: Sendable {
    /// Each person's parent index, or `-1` for a root.
    public let parents: [Int32]
    /// `children[childStart[v] ..< childStart[v + 1]]` are v's children, in input order.
    public let childStart: [Int32]
    /// All children, grouped by parent.
    public let children: [Int32]
    /// The people in pre-order (roots and children in input order).
    public let preorder: [Int32]
    /// Each person's position in ``preorder``.
    public let preorderIndex: [Int32]
    /// Each person's subtree size, self included.
    public let subtreeSize: [Int32]
    /// Each person's depth: 0 for a root, else the parent's depth + 1.
    public let depth: [Int32]
    /// The roots, in input order.
    public let roots: [Int32]

    /// Indexes an acyclic parent array.
    ///
    /// - Precondition: `parents` has no cycle and every entry is `-1` or a valid index.
    /// - Complexity: O(n).
    public init(parents: [Int32]) {
        let n = parents.count
        self.parents = parents
        var start = [Int32](repeating: 0, count: n + 1)
        var roots: [Int32] = []
        var children: [Int32] = []
        var preorder = [Int32](repeating: 0, count: n)
        var preorderIndex = [Int32](repeating: -1, count: n)
        var depth = [Int32](repeating: 0, count: n)
        var size = [Int32](repeating: 1, count: n)
        // Unsafe buffers: these loops run over every person of a million-person network several
        // times, and bounds and uniqueness checks were a measurable part of them.
        parents.withUnsafeBufferPointer { parents in
            start.withUnsafeMutableBufferPointer { start in
                for v in 0..<n {
                    let p = parents[v]
                    if p < 0 { roots.append(Int32(v)) } else { start[Int(p) + 1] += 1 }
                }
                for v in 0..<n { start[v + 1] += start[v] }
                children = [Int32](unsafeUninitializedCapacity: n - roots.count) { children, count in
                    var fill = Array(start)
                    for v in 0..<n {
                        let p = Int(parents[v])
                        if p >= 0 {
                            children[Int(fill[p])] = Int32(v)
                            fill[p] += 1
                        }
                    }
                    count = n - roots.count
                }
                // Iterative depth-first walk: an explicit stack instead of recursion, so a chain a
                // million deep is as safe as a wide tree.
                children.withUnsafeBufferPointer { children in
                    preorder.withUnsafeMutableBufferPointer { preorder in
                        preorderIndex.withUnsafeMutableBufferPointer { preorderIndex in
                            depth.withUnsafeMutableBufferPointer { depth in
                                var stack = [Int32]()
                                stack.reserveCapacity(64)
                                var next = 0
                                for root in roots.reversed() { stack.append(root) }
                                while let v = stack.popLast() {
                                    let vi = Int(v)
                                    preorderIndex[vi] = Int32(next)
                                    preorder[next] = v
                                    next += 1
                                    let p = parents[vi]
                                    if p >= 0 { depth[vi] = depth[Int(p)] + 1 }
                                    var c = Int(start[vi + 1])
                                    let first = Int(start[vi])
                                    while c > first {
                                        c -= 1
                                        stack.append(children[c])
                                    }
                                }
                                precondition(next == n, "Forest requires an acyclic parent array")
                                size.withUnsafeMutableBufferPointer { size in
                                    for position in stride(from: n - 1, through: 0, by: -1) {
                                        let v = Int(preorder[position])
                                        let p = parents[v]
                                        if p >= 0 { size[Int(p)] += size[v] }
                                    }
                                }
                            }
                        }
                    }
                }
            }
        }
        self.childStart = start
        self.children = children
        self.preorder = preorder
        self.preorderIndex = preorderIndex
        self.subtreeSize = size
        self.depth = depth
        self.roots = roots
    }

    /// The number of people.
    public var count: Int { parents.count }

    /// The children of `v`, in input order.
    public func children(of v: Int32) -> ArraySlice<Int32> {
        children[Int(childStart[Int(v)])..<Int(childStart[Int(v) + 1])]
    }

    /// How many people have `v` as parent.
    public func childCount(of v: Int32) -> Int {
        Int(childStart[Int(v) + 1] - childStart[Int(v)])
    }

    /// How many people are below `v` (self excluded).
    public func descendantCount(of v: Int32) -> Int { Int(subtreeSize[Int(v)]) - 1 }

    /// Whether `ancestor` is strictly above `v`.
    ///
    /// - Complexity: O(1).
    public func isAncestor(_ ancestor: Int32, of v: Int32) -> Bool {
        let a = preorderIndex[Int(ancestor)]
        let x = preorderIndex[Int(v)]
        return a < x && x < a + subtreeSize[Int(ancestor)]
    }

    /// The parent, grandparent, ... of `v`, nearest first.
    ///
    /// - Complexity: O(length of the chain).
    public func ancestors(of v: Int32) -> [Int32] {
        var chain: [Int32] = []
        chain.reserveCapacity(Int(depth[Int(v)]))
        var p = parents[Int(v)]
        while p >= 0 {
            chain.append(p)
            p = parents[Int(p)]
        }
        return chain
    }

    /// The people below `v` in pre-order, each with their depth below `v` (1 for children).
    ///
    /// - Complexity: O(size of the subtree).
    public func descendants(of v: Int32, maxDepth: Int? = nil) -> [(person: Int32, depth: Int)] {
        let first = Int(preorderIndex[Int(v)]) + 1
        let end = Int(preorderIndex[Int(v)] + subtreeSize[Int(v)])
        let base = Int(depth[Int(v)])
        var result: [(person: Int32, depth: Int)] = []
        for position in first..<end {
            let u = preorder[position]
            let d = Int(depth[Int(u)]) - base
            if let maxDepth, d > maxDepth { continue }
            result.append((u, d))
        }
        return result
    }

    /// The lowest common ancestor of `a` and `b`, each counting as on their own chain.
    ///
    /// - Complexity: O(depth).
    public func lowestCommonAncestor(_ a: Int32, _ b: Int32) -> Int32? {
        var x = a
        var y = b
        while depth[Int(x)] > depth[Int(y)] { x = parents[Int(x)] }
        while depth[Int(y)] > depth[Int(x)] { y = parents[Int(y)] }
        while x != y {
            x = parents[Int(x)]
            y = parents[Int(y)]
            if x < 0 || y < 0 { return nil }
        }
        return x
    }

    /// Headcount per depth, depth 0 first.
    public var levels: [Int] {
        var levels: [Int] = []
        for d in depth {
            let di = Int(d)
            if di >= levels.count { levels.append(contentsOf: repeatElement(0, count: di - levels.count + 1)) }
            levels[di] += 1
        }
        return levels
    }
}

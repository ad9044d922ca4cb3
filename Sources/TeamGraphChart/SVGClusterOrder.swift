/// Puts the cluster groups of Graphviz's SVG in the order the chart declared them.
///
/// Graphviz 2.42 lays out a chart with clusters identically on every render, but the order in
/// which it writes the cluster boxes depends on heap addresses: the first render in a process
/// is always the same, later renders in the same process list the boxes in another order.
/// Clusters do not overlap, so their order changes nothing drawn; sorting them back makes every
/// render byte-identical.
enum SVGClusterOrder {
    /// The SVG with each run of consecutive top-level cluster groups sorted by `clusterNames`.
    static func canonical(_ svg: [UInt8], clusterNames: [String]) -> [UInt8] {
        guard clusterNames.count > 1 else { return svg }
        let rank = Dictionary(clusterNames.enumerated().map { ($1, $0) }) { first, _ in first }
        var lines = svg.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false)
        var i = 0
        while i < lines.count {
            guard isClusterStart(lines[i]) else {
                i += 1
                continue
            }
            // A run of cluster blocks starting at line i.
            var blocks: [(rank: Int, lines: ArraySlice<ArraySlice<UInt8>>)] = []
            var j = i
            while j < lines.count, isClusterStart(lines[j]) {
                var depth = 0
                var k = j
                repeat {
                    depth += count(lines[k], "<g ") + count(lines[k], "<g>") - count(lines[k], "</g>")
                    k += 1
                } while depth > 0 && k < lines.count
                let title = k > j + 1 ? titleName(lines[j + 1]) : nil
                blocks.append((title.flatMap { rank[$0] } ?? Int.max, lines[j..<k]))
                j = k
            }
            let sorted = blocks.enumerated().sorted {
                $0.element.rank != $1.element.rank ? $0.element.rank < $1.element.rank : $0.offset < $1.offset
            }
            lines.replaceSubrange(i..<j, with: sorted.flatMap { $0.element.lines })
            i = j
        }
        var result: [UInt8] = []
        result.reserveCapacity(svg.count)
        for (n, line) in lines.enumerated() {
            if n > 0 { result.append(UInt8(ascii: "\n")) }
            result.append(contentsOf: line)
        }
        return result
    }

    private static func isClusterStart(_ line: ArraySlice<UInt8>) -> Bool {
        line.starts(with: Array("<g id=".utf8)) && contains(line, " class=\"cluster")
    }

    /// The text of `<title>…</title>`, unescaped only as far as cluster names need (they are ASCII).
    private static func titleName(_ line: ArraySlice<UInt8>) -> String? {
        let open = Array("<title>".utf8)
        let close = Array("</title>".utf8)
        guard line.starts(with: open), line.count >= open.count + close.count else { return nil }
        let inner = line.dropFirst(open.count).dropLast(close.count)
        return String(decoding: inner, as: UTF8.self)
    }

    private static func count(_ line: ArraySlice<UInt8>, _ needle: String) -> Int {
        let pattern = Array(needle.utf8)
        guard line.count >= pattern.count else { return 0 }
        var n = 0
        var index = line.startIndex
        while index + pattern.count <= line.endIndex {
            if line[index..<(index + pattern.count)].elementsEqual(pattern) {
                n += 1
                index += pattern.count
            } else {
                index += 1
            }
        }
        return n
    }

    private static func contains(_ line: ArraySlice<UInt8>, _ needle: String) -> Bool { count(line, needle) > 0 }
}

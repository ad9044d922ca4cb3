import Glibc

extension Chart {
    /// Bytes a render needs besides the network, whatever the size: Graphviz's plugins, pango,
    /// fontconfig and cairo mapped in on first use (about 150 MB of address space on Debian 12).
    static let memoryBase = 160 << 20
    /// Bytes a render needs per drawn node: the description, Graphviz's graph and layout and the
    /// output (measured about 6 KB per node for 20,000 and 100,000 people under `ulimit -v`).
    static let memoryPerNode = 8 << 10

    /// Throws ``ChartError/outOfMemory(people:)`` when the memory a render of `people` nodes needs
    /// cannot be had now.
    ///
    /// Graphviz 2.42 aborts or crashes when an allocation fails (and reports a failed plugin load
    /// as an unknown layout), and a failed Swift allocation is fatal, so the memory is asked for
    /// up front: one allocation of the estimated size, never touched and freed at once. Under an
    /// address-space limit (`ulimit -v`) or strict overcommit this fails exactly when the render
    /// would; with overcommit, untouched memory costs nothing.
    static func reserveMemory(people: Int) throws(ChartError) {
        let (perNode, overflow) = people.multipliedReportingOverflow(by: memoryPerNode)
        guard !overflow, let block = malloc(memoryBase + perNode) else { throw .outOfMemory(people: people) }
        free(block)
    }

    /// Graphviz's message when a plugin could not be loaded: with our own engine names that only
    /// happens when `dlopen` runs out of memory.
    static func isPluginLoadFailure(_ error: ChartError) -> Bool {
        if case .graphviz(let message) = error { return message.contains("not recognized") }
        return false
    }
}

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

extension Chart {
    /// Address space a render needs besides the network, whatever the size: Graphviz's plugins,
    /// pango, fontconfig and their caches, mapped in on first use.
    static let memoryBase = 256 << 20
    /// What cairo adds for PNG (a bitmap of up to Graphviz's size limit) and PDF.
    static let memoryCairo = 256 << 20
    /// Address space per drawn node: the description, Graphviz's graph and layout, the output.
    static let memoryPerNode = 8 << 10

    /// Throws ``ChartError/outOfMemory(people:)`` when the memory a render of `people` nodes in
    /// `format` needs cannot be had now.
    ///
    /// Graphviz 2.42 aborts or crashes when an allocation fails (and reports a failed plugin load
    /// as an unknown layout), and a failed Swift allocation is fatal, so the memory is asked for
    /// up front: one allocation of the estimated size, never touched and freed at once. Under an
    /// address-space limit (`ulimit -v`) or strict overcommit this fails when the render would;
    /// with the default overcommit, untouched memory costs nothing. The figures are 1.3 to 1.7
    /// times the least address space that renders succeeded in on Debian 12 (`dot` 2,000 people
    /// SVG 325 MB and PNG 475 MB; `tree` 20,000 people SVG 321 MB, PDF with teams 575 MB; `tree`
    /// 100,000 people SVG 718 MB): too little and Graphviz crashes, too much only refuses charts
    /// that would have fit under a tight limit.
    static func reserveMemory(people: Int, format: ChartFormat) throws(ChartError) {
        let fixed = memoryBase + (format == .png || format == .pdf ? memoryCairo : 0)
        let (perNode, overflow) = people.multipliedReportingOverflow(by: memoryPerNode)
        guard !overflow, let block = malloc(fixed + perNode) else { throw .outOfMemory(people: people) }
        free(block)
    }

    /// Graphviz's message when a plugin could not be loaded: with our own engine names that only
    /// happens when `dlopen` runs out of memory.
    static func isPluginLoadFailure(_ error: ChartError) -> Bool {
        if case .graphviz(let message) = error { return message.contains("not recognized") }
        return false
    }
}

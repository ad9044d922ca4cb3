import CGraphviz
import Foundation

/// The process's one Graphviz context and the one lock around every Graphviz call.
///
/// cgraph is not thread safe, not even for reading, and separate contexts per thread still crash,
/// so every call goes through ``withLock(_:)``. One long-lived `GVC_t` is kept for the whole
/// process: each `gvContext()` leaks a few kilobytes.
final class GraphvizSession: @unchecked Sendable {
    /// The shared session, created on first use.
    static let shared = GraphvizSession()

    private let lock = NSLock()
    /// The context; only used while ``lock`` is held.
    private let context: OpaquePointer?

    private init() {
        lock.lock()
        context = tg_context()
        tg_capture_errors(GraphvizMessages.callback)
        lock.unlock()
    }

    /// Runs `body` with the lock held and the context, after forgetting earlier errors.
    func withLock<Result>(_ body: (OpaquePointer) throws(ChartError) -> Result) throws(ChartError) -> Result {
        lock.lock()
        defer { lock.unlock() }
        guard let context else { throw .graphviz("could not create a Graphviz context") }
        GraphvizMessages.reset()
        return try body(context)
    }
}

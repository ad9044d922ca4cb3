import Dispatch

/// Runs two independent computations on two threads and returns both results.
///
/// Used where the sponsor and owner relations are processed the same way over a million people
/// (resolving references, indexing the forests).
func bothInParallel<A, B>(_ first: () -> A, _ second: () -> B) -> (A, B) {
    nonisolated(unsafe) var a: A?
    nonisolated(unsafe) var b: B?
    withoutActuallyEscaping(first) { first in
        withoutActuallyEscaping(second) { second in
            nonisolated(unsafe) let (f, s) = (first, second)
            DispatchQueue.concurrentPerform(iterations: 2) { i in
                if i == 0 { a = f() } else { b = s() }
            }
        }
    }
    return (a!, b!)
}

import Dispatch

/// Runs two independent computations on two threads.
public enum Parallel {
    /// Runs both closures at once and returns both results.
    ///
    /// Used where a million people are processed in two independent halves (the sponsor and owner
    /// relations; the two halves of a large CSV file): on this project's 2-core machines it
    /// halves that part.
    public static func both<A, B>(_ first: () -> A, _ second: () -> B) -> (A, B) {
        bothInParallel(first, second)
    }
}

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

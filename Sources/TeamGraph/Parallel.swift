#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Runs two independent computations on two threads and returns both results.
///
/// Used where the sponsor and owner relations are processed the same way over a million people
/// (resolving references, indexing the forests). The second runs on a thread of its own made
/// with `pthread_create`, not on a Dispatch worker: when no thread can be made (an address-space
/// limit, too many threads) both run here, one after the other, where `concurrentPerform` waited
/// for a worker that never came and hung.
func bothInParallel<A, B>(_ first: () -> A, _ second: () -> B) -> (A, B) {
    nonisolated(unsafe) var b: B?
    return withoutActuallyEscaping(second) { second in
        nonisolated(unsafe) let second = second
        let work = ThreadWork { b = second() }
        let thread = work.start()
        let a = first()
        if let thread {
            work.join(thread)
        } else {
            work.body()
        }
        return (a, b!)
    }
}

/// A body to run on a thread of its own.
private final class ThreadWork: @unchecked Sendable {
    let body: () -> Void

    init(_ body: @escaping () -> Void) { self.body = body }

    /// Starts the body on a new thread; nil when no thread could be made (the body has not run).
    func start() -> pthread_t? {
        let context = Unmanaged.passRetained(self).toOpaque()
        #if canImport(Glibc)
            var thread = pthread_t()
        #else
            var thread: pthread_t?
        #endif
        let status = pthread_create(
            &thread, nil,
            { context in
                Unmanaged<ThreadWork>.fromOpaque(context!).takeRetainedValue().body()
                return nil
            }, context)
        guard status == 0 else {
            Unmanaged<ThreadWork>.fromOpaque(context).release()
            return nil
        }
        #if canImport(Glibc)
            return thread
        #else
            return thread!
        #endif
    }

    /// Waits for the thread `start` made.
    func join(_ thread: pthread_t) { pthread_join(thread, nil) }
}

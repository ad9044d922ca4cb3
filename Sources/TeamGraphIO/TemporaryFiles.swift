import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The named temporary files being written, removed when the process is told to stop.
///
/// On `SIGTERM`, `SIGINT` or `SIGHUP` the handler unlinks every registered name and then dies of
/// the same signal (so the exit status is 128 + the signal number, as a shell reports it). The
/// handler only calls `unlinkat`, `signal` and `raise` on memory allocated up front: a slot is a
/// directory descriptor and a fixed-length name. `SIGXFSZ` is ignored, so writing past
/// `ulimit -f` fails with `EFBIG` ("File too large") and gets a message instead of killing the
/// process. A signal the process was started with ignored (`nohup`) stays ignored; one it was
/// started with blocked is unblocked.
enum TemporaryFiles {
    /// How many temporaries can be named at once (a command writes one or two files).
    static let slotCount = 8
    /// Bytes of one slot's name, NUL included (names are 20 bytes).
    static let nameCapacity = 32

    /// Each slot's directory descriptor, -1 when free; read by the signal handler.
    nonisolated(unsafe) static let directories: UnsafeMutablePointer<Int32> = {
        let slots = UnsafeMutablePointer<Int32>.allocate(capacity: slotCount)
        slots.initialize(repeating: -1, count: slotCount)
        return slots
    }()
    /// Each slot's NUL-terminated name.
    nonisolated(unsafe) static let names: UnsafeMutablePointer<CChar> = {
        let names = UnsafeMutablePointer<CChar>.allocate(capacity: slotCount * nameCapacity)
        names.initialize(repeating: 0, count: slotCount * nameCapacity)
        return names
    }()
    /// Guards slot allocation between threads (the signal handler never takes it).
    private static let lock = NSLock()
    /// Whether the handlers are installed.
    nonisolated(unsafe) private static var installed = false

    /// Installs the signal handlers, once per process.
    static func installSignalHandlers() {
        lock.withLock {
            guard !installed else { return }
            installed = true
            _ = directories
            _ = names
            signal(SIGXFSZ, SIG_IGN)
            // A parent's worker thread may have started us with every signal blocked (posix_spawn
            // keeps the mask); the stopping signals are handled now, so let them in.
            var stopping = sigset_t()
            sigemptyset(&stopping)
            for sig in [SIGTERM, SIGINT, SIGHUP] { sigaddset(&stopping, sig) }
            pthread_sigmask(SIG_UNBLOCK, &stopping, nil)
            for sig in [SIGTERM, SIGINT, SIGHUP] {
                let previous: sighandler_t? = signal(sig, TemporaryFiles.handler)
                let ignored: sighandler_t? = SIG_IGN
                if let previous, let ignored,
                    unsafeBitCast(previous, to: Int.self) == unsafeBitCast(ignored, to: Int.self)
                {
                    signal(sig, SIG_IGN)
                }
            }
        }
    }

    /// Records a temporary's name before it is created; returns its slot for ``unregister(_:)``.
    ///
    /// With every slot taken (never, in practice) the name is not registered: the file is still
    /// removed on errors, only not on a signal.
    static func register(directory: Int32, name: [CChar]) -> Int? {
        precondition(name.count <= nameCapacity)
        return lock.withLock { () -> Int? in
            for slot in 0..<slotCount where directories[slot] < 0 {
                let target = names + slot * nameCapacity
                name.withUnsafeBufferPointer { target.update(from: $0.baseAddress!, count: name.count) }
                directories[slot] = directory
                return slot
            }
            return nil
        }
    }

    /// Forgets a slot once its file has been renamed or removed.
    static func unregister(_ slot: Int?) {
        guard let slot else { return }
        lock.withLock { directories[slot] = -1 }
    }

    /// Removes every registered temporary, then dies of the signal.
    static let handler: @convention(c) (Int32) -> Void = { sig in
        for slot in 0..<TemporaryFiles.slotCount {
            let directory = TemporaryFiles.directories[slot]
            if directory >= 0 { unlinkat(directory, TemporaryFiles.names + slot * TemporaryFiles.nameCapacity, 0) }
        }
        signal(sig, SIG_DFL)
        raise(sig)
    }

    /// `.tg-` and 12 random hex digits and `.tmp`: 20 bytes whatever the output's name.
    static func randomName() -> [CChar] {
        let digits = Array("0123456789abcdef".utf8)
        var name = Array(".tg-".utf8)
        var random = UInt64.random(in: 0...UInt64.max)
        for _ in 0..<12 {
            name.append(digits[Int(random & 15)])
            random >>= 4
        }
        name += Array(".tmp".utf8)
        return name.map { CChar(bitPattern: $0) } + [0]
    }
}

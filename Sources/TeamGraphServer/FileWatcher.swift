import ServiceLifecycle

/// Checks the served file once a second and reads it again when it changed; stops with the server.
struct FileWatcher: Service {
    let network: FileNetwork
    /// How often the file is checked.
    let interval: Duration

    func run() async throws {
        await cancelWhenGracefulShutdown {
            while !Task.isCancelled {
                try? await Task.sleep(for: interval)
                await network.reloadIfChanged()
            }
        }
    }
}

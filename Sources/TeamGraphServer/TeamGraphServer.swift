import Hummingbird
import HummingbirdTLS
import Logging
import NIOCore
import NIOPosix
import TeamGraph
import TeamGraphUseCases

/// How `teamgraph serve` is started: what it serves and where it listens.
public struct ServerOptions: Sendable {
    /// A network file (read again when it changes) or a store (read on each request).
    public var source: NetworkSource
    /// The address listened on (`127.0.0.1` unless told otherwise).
    public var host: String
    /// The port (`0` picks a free one).
    public var port: Int
    /// How often a served file is checked for changes.
    public var reloadInterval: Duration
    /// Whether the session cookie is marked `Secure` though the server speaks plain HTTP: it is
    /// reached over HTTPS through a TLS reverse proxy (with ``tls`` it always is).
    public var secureCookies: Bool
    /// The certificate and key to serve HTTPS with (nil: plain HTTP, e.g. behind a TLS proxy).
    public var tls: TLSFiles?

    /// The default port.
    public static let defaultPort = 8080

    /// Creates the options; the defaults listen on loopback only.
    public init(
        source: NetworkSource, host: String = "127.0.0.1", port: Int = ServerOptions.defaultPort,
        reloadInterval: Duration = .seconds(1), secureCookies: Bool = false, tls: TLSFiles? = nil
    ) {
        self.secureCookies = secureCookies
        self.tls = tls
        self.source = source
        self.host = host
        self.port = port
        self.reloadInterval = reloadInterval
    }

    /// Whether the session cookie is marked `Secure`: with ``secureCookies`` or ``tls``.
    public var marksCookiesSecure: Bool { secureCookies || tls != nil }

    /// `https` with TLS, else `http`.
    public var scheme: String { tls == nil ? "http" : "https" }

    /// Whether the server is reachable only from this machine.
    public var isLoopbackOnly: Bool {
        ["127.0.0.1", "::1", "localhost"].contains(host) || host.hasPrefix("127.")
    }
}

/// The HTTP server over the use cases: the JSON API (`docs/api.md`) and the viewer.
public struct TeamGraphServer: Sendable {
    let options: ServerOptions
    let served: any ServedNetwork
    let offload: Offload
    let watcher: FileWatcher?
    let logger: Logger
    let access: AccessControl
    var hadAccounts = false
    var tlsConfiguration: TLSConfiguration? = nil

    /// Reads the network (a file) or checks the store, before anything listens: a network that
    /// cannot be read is refused here, with every problem.
    public static func prepare(_ options: ServerOptions, logger: Logger) async throws(UseCaseError) -> TeamGraphServer {
        let tlsConfiguration = try options.tls?.configuration()
        var server = try await prepareNetwork(options, logger: logger)
        server.tlsConfiguration = tlsConfiguration
        return server
    }

    private static func prepareNetwork(_ options: ServerOptions, logger: Logger) async throws(UseCaseError)
        -> TeamGraphServer
    {
        let offload = Offload(pool: NIOThreadPool.singleton)
        switch options.source {
        case .file(let file):
            let network = FileNetwork(file: file, offload: offload, logger: logger)
            _ = try await network.firstLoad()
            return TeamGraphServer(
                options: options, served: network, offload: offload,
                watcher: FileWatcher(network: network, interval: options.reloadInterval), logger: logger,
                access: AccessControl(store: nil, offload: offload, secureCookies: options.marksCookiesSecure))
        case .store(let path):
            let network = StoreNetwork(path: path, offload: offload)
            do {
                _ = try await network.snapshot(asOf: .today())
            } catch {
                if case .useCase(let error) = error { throw error }
            }
            let access = AccessControl(store: path, offload: offload, secureCookies: options.marksCookiesSecure)
            var hadAccounts = false
            do {
                hadAccounts = !(try await access.accounts().isEmpty)
            } catch {
                if case .useCase(let error) = error { throw error }
            }
            return TeamGraphServer(
                options: options, served: network, offload: offload, watcher: nil, logger: logger, access: access,
                hadAccounts: hadAccounts)
        case .opened(let network):
            let served = OpenedNetwork(snapshot: NetworkSnapshot(network: network, version: 1))
            return TeamGraphServer(
                options: options, served: served, offload: offload, watcher: nil, logger: logger,
                access: AccessControl(store: nil, offload: offload, secureCookies: options.marksCookiesSecure))
        }
    }

    /// Whether the store served had accounts when the server started (then every API request
    /// must be signed in).
    public var requiresSignIn: Bool { hadAccounts }

    /// The router: the API, the viewer, the safety checks and the request log.
    func router() -> Router<ServedContext> {
        let router = Router(context: ServedContext.self)
        router.add(middleware: SafetyMiddleware())
        router.add(middleware: LogRequestsMiddleware(.info))
        router.add(middleware: AccessMiddleware(access: access))
        APIRoutes(served: served, offload: offload, charts: ChartRoutes(served: served, offload: offload)).add(
            to: router)
        SessionRoutes(access: access).add(to: router)
        EditRoutes(served: served, offload: offload).add(to: router)
        ViewerRoutes.add(to: router)
        return router
    }

    /// The application, ready to run (tests drive it without a socket).
    package func application(onListening: @escaping @Sendable (_ port: Int) async -> Void = { _ in }) throws
        -> some ApplicationProtocol
    {
        Application(
            responder: HeadAsGetResponder(responder: router().buildResponder()),
            server: try tlsConfiguration.map { try .tls(.http1(), tlsConfiguration: $0) } ?? .http1(),
            configuration: ApplicationConfiguration(
                address: .hostname(options.host, port: options.port), serverName: "teamgraph"),
            services: watcher.map { [$0] } ?? [],
            onServerRunning: { channel in await onListening(channel.localAddress?.port ?? 0) },
            logger: logger)
    }

    /// Reads a served file again now if it changed (what the file watcher does each second);
    /// returns whether a new network is served.
    package func reloadIfChanged() async -> Bool {
        guard let network = served as? FileNetwork else { return false }
        return await network.reloadIfChanged()
    }

    /// Serves until SIGINT or SIGTERM, then finishes the requests under way and returns.
    /// `onListening` gets the port listened on (the one picked when ``ServerOptions/port`` is 0).
    public func run(onListening: @escaping @Sendable (_ port: Int) async -> Void) async throws {
        try await application(onListening: onListening).runService()
    }
}

/// A network given already opened (tests and embedders).
struct OpenedNetwork: ServedNetwork {
    let snapshot: NetworkSnapshot
    var storePath: String? { nil }
    func snapshot(asOf day: Day) async throws(ServedError) -> NetworkSnapshot { snapshot }
}

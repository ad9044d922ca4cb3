import ArgumentParser
import Dispatch
import Logging
import NIOConcurrencyHelpers
import TeamGraphServer
import TeamGraphUseCases

struct ServeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Serve the network in a browser (the viewer at /) and as a JSON API (/api, docs/api.md).",
        discussion: """
            Served from a file, the network is read again when the file changes; a broken new file \
            is reported in the log and the last good network is kept. Served from a store, edits \
            made with the command line show on the next request. Stops on Ctrl-C or SIGTERM after \
            the requests under way.

            Example:
              teamgraph serve Samples/network.csv --teams Samples/teams.csv
              teamgraph serve --db org.teamgraph --port 0

            Once the store has accounts ('teamgraph user add'), everyone signs in and sees only \
            their scope (docs/access.md).
            """)

    @OptionGroup var input: NetworkInput

    @Option(help: "The address to listen on; anything but loopback lets other machines in.")
    var host = "127.0.0.1"

    @Flag(help: "Mark the session cookie Secure: the server is reached over HTTPS through a TLS reverse proxy.")
    var secureCookies = false

    @Option(help: "Serve HTTPS with this PEM certificate chain (with --tls-key).")
    var tlsCert: String?

    @Option(help: "The PEM private key of --tls-cert (not protected by a passphrase).")
    var tlsKey: String?

    @Option(help: "The port to listen on (0 picks a free port and prints it).")
    var port = ServerOptions.defaultPort

    func validate() throws {
        guard (0...65535).contains(port) else { throw ValidationError("--port must be between 0 and 65535") }
        guard (tlsCert == nil) == (tlsKey == nil) else {
            throw ValidationError("give --tls-cert and --tls-key together")
        }
    }

    func run() throws {
        let tls = tlsCert.flatMap { certificate in
            tlsKey.map { TLSFiles(certificateChain: certificate, privateKey: $0) }
        }
        let options = ServerOptions(
            source: try input.source(), host: host, port: port, secureCookies: secureCookies, tls: tls)
        let failure = NIOLockedValueBox<(any Error)?>(nil)
        let done = DispatchSemaphore(value: 0)
        Task {
            do {
                var logger = Logger(label: "teamgraph.serve")
                logger.logLevel = .info
                let server = try await TeamGraphServer.prepare(options, logger: logger)
                if !options.isLoopbackOnly, !server.requiresSignIn {
                    Output.standardError(
                        "teamgraph: warning: listening on \(host) without accounts: anyone who can reach this machine can read the whole network (add accounts with 'teamgraph user add')"
                    )
                }
                try await server.run { port in
                    Output.standard.append(
                        "serving on \(options.scheme)://\(host.contains(":") ? "[\(host)]" : host):\(port)\n")
                    try? Output.standard.flush()
                }
            } catch {
                failure.withLockedValue { $0 = error }
            }
            done.signal()
        }
        done.wait()
        if let error = failure.withLockedValue({ $0 }) { throw error }
    }
}

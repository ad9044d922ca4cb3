/// The files a command reads, so that its output can be refused when it is one of them.
extension NetworkInput {
    /// The network and teams files given (not the store).
    var inputPaths: [String] { [network, teams].compactMap { $0 } }

    /// The store read, if any (`--db`, else `TEAMGRAPH_DB` when no file is given).
    var storePaths: [String] { storePath.map { [$0] } ?? [] }
}

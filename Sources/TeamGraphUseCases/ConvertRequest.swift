import TeamGraph
import TeamGraphIO

/// The formats `convert` writes.
public enum NetworkFormat: String, Sendable, Hashable, CaseIterable {
    /// People CSV (teams in a file of their own).
    case csv
    /// JSON with people and teams.
    case json

    /// The format of an output named `name`: `.json` or `.csv` by extension, CSV for `-`
    /// (standard output); nil when it cannot be told.
    public init?(outputName name: String) {
        let lowered = name.lowercased()
        if lowered.hasSuffix(".json") {
            self = .json
        } else if lowered.hasSuffix(".csv") || name == "-" {
            self = .csv
        } else {
            return nil
        }
    }
}

/// `convert`: the network written back as CSV or JSON, losing nothing.
public struct ConvertRequest: UseCaseRequest {
    /// Where the network is, and for a store the day it is read as of.
    public var network: OpenNetworkRequest
    /// The format asked for (nil: from ``outputName``).
    public var format: NetworkFormat?
    /// The output's name, for the format when none is asked for.
    public var outputName: String

    /// Creates the request.
    public init(network: OpenNetworkRequest, format: NetworkFormat? = nil, outputName: String) {
        self.network = network
        self.format = format
        self.outputName = outputName
    }

    /// The format written: the one asked for, else the output name's.
    public func resolvedFormat() throws(UseCaseError) -> NetworkFormat {
        guard let format = format ?? NetworkFormat(outputName: outputName) else {
            throw .badRequest(.output, .unknownOutputFormat(outputName))
        }
        return format
    }

    /// The network and the format to write it in.
    public func run() throws(UseCaseError) -> ConvertResult {
        let format = try resolvedFormat()
        return ConvertResult(network: try network.run(), format: format)
    }
}

/// The result of ``ConvertRequest``.
public struct ConvertResult: Sendable {
    /// The network read.
    public var network: Network
    /// The format to write.
    public var format: NetworkFormat

    /// Writes the network in ``format``.
    public func write(to output: inout OutputBuffer) throws {
        switch format {
        case .json: try NetworkWriter.json(network, to: &output)
        case .csv: try NetworkWriter.peopleCSV(network, to: &output)
        }
    }

    /// Writes the teams as CSV.
    public func writeTeams(to output: inout OutputBuffer) throws {
        try NetworkWriter.teamsCSV(network, to: &output)
    }
}

import ArgumentParser
import TeamGraph
import TeamGraphIO
import TeamGraphUseCases

struct ConvertCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "convert",
        abstract: "Write the network back as CSV or JSON, losing nothing.",
        discussion: """
            Extra columns are kept in place and known columns keep their header spelling; dates are \
            written as YYYY-MM-DD and statuses in English. JSON output includes the teams; for CSV \
            output, --teams-out writes the teams file.

            Example:
              teamgraph convert Samples/network.csv --teams Samples/teams.csv \\
                  -o network.json
            """)

    @OptionGroup var input: NetworkInput
    @OptionGroup var asOf: AsOfOption

    @Option(name: .shortAndLong, help: "The output file (.csv or .json), or - for standard output.")
    var output: String

    @Option(help: "The output format (default: from the output file's extension).")
    var to: Checked<NetworkFormat>?

    @Option(help: "Also write the teams as CSV to this file.")
    var teamsOut: String?

    /// The request, refusing an unknown `--to` (or an output whose format cannot be told).
    func request() throws -> ConvertRequest {
        var format: NetworkFormat?
        if let to {
            guard case .success(let value) = to.parsed else {
                throw UseCaseError.badRequest(.output, .unknownOutputFormat(output))
            }
            format = value
        }
        return ConvertRequest(network: try input.request(asOf: asOf.asOf), format: format, outputName: output)
    }

    func validate() throws {
        if let to, case .failure = to.parsed { throw UseCaseError.badRequest(.output, .unknownOutputFormat(output)) }
        if to == nil, NetworkFormat(outputName: output) == nil {
            throw UseCaseError.badRequest(.output, .unknownOutputFormat(output))
        }
    }

    func run() throws {
        let request = try request()
        // Checked before reading: an output that is an input or the store is refused unchanged.
        let inputs = input.inputPaths
        let stores = input.storePaths
        let outputTarget = output == "-" ? nil : try OutputTarget(output, inputs: inputs, stores: stores)
        let teamsTarget = try teamsOut.map { try OutputTarget($0, inputs: inputs, stores: stores) }
        if let outputTarget, let teamsTarget, outputTarget.isSameFile(as: teamsTarget) {
            throw UsageError("refusing to write \(teamsTarget.path): it is also the -o output")
        }
        let result = try request.run()
        if let outputTarget {
            try outputTarget.write(produce: result.write)
        } else {
            try result.write(to: &Output.standard)
        }
        try teamsTarget?.write(produce: result.writeTeams)
    }
}

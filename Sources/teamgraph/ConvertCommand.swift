import ArgumentParser
import TeamGraph
import TeamGraphIO

struct ConvertCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "convert",
        abstract: "Write the network back as CSV or JSON, losing nothing.",
        discussion: """
            Extra columns are kept in place and known columns keep their header spelling; dates are
            written as YYYY-MM-DD and statuses in English. JSON output includes the teams; for CSV
            output, --teams-out writes the teams file.

            Example:
              teamgraph convert Samples/network.csv --teams Samples/teams.csv -o network.json
            """)

    @OptionGroup var input: NetworkInput
    @OptionGroup var asOf: AsOfOption

    @Option(name: .shortAndLong, help: "The output file (.csv or .json), or - for standard output.")
    var output: String

    @Option(help: "csv or json (default: from the output file's extension).")
    var to: String?

    @Option(help: "Also write the teams as CSV to this file.")
    var teamsOut: String?

    func run() throws {
        let target = (to ?? (output.lowercased().hasSuffix(".json") ? "json" : output.lowercased().hasSuffix(".csv") || output == "-" ? "csv" : ""))
            .lowercased()
        guard target == "csv" || target == "json" else {
            throw UsageError("cannot tell the output format of '\(output)'; give --to csv or --to json")
        }
        // Checked before reading: an output that is an input or the store is refused unchanged.
        let outputTarget = output == "-" ? nil : try OutputTarget(output, inputs: input.inputPaths, stores: input.storePaths)
        let teamsTarget = try teamsOut.map { try OutputTarget($0, inputs: input.inputPaths, stores: input.storePaths) }
        if let outputTarget, let teamsTarget, outputTarget.isSameFile(as: teamsTarget) {
            throw UsageError("refusing to write \(teamsTarget.path): it is also the -o output")
        }
        let network = try input.load(asOf: asOf.asOf)
        let produce: (inout OutputBuffer) throws -> Void = { buffer in
            if target == "json" {
                try NetworkWriter.json(network, to: &buffer)
            } else {
                try NetworkWriter.peopleCSV(network, to: &buffer)
            }
        }
        if let outputTarget {
            try outputTarget.write(produce: produce)
        } else {
            try produce(&Output.standard)
        }
        try teamsTarget?.write { try NetworkWriter.teamsCSV(network, to: &$0) }
    }
}

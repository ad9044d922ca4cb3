import ArgumentParser
import Foundation
import TeamGraph
import TeamGraphIO
import TeamGraphStore

@main
struct TeamGraphCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "teamgraph",
        abstract: "Keep a sales organisation's people network and answer questions about it.",
        discussion: """
            The network is a CSV or JSON file of people (id, name, sponsor, owner, role, team, joined,
            status; Chinese headers such as 编号, 姓名, 推荐人, 责任人 are recognised).

            Exit status: 0 success, 1 a negative answer or gaps found with --fail-on-gaps,
            2 bad input or usage (the message is on standard error).

            Example:
              teamgraph stats Samples/network.csv --teams Samples/teams.csv
            """,
        subcommands: [
            StatsCommand.self, MetricsCommand.self, GapsCommand.self, ChainCommand.self, AnswersToCommand.self,
            ReportsCommand.self, CommonCommand.self, ValidateCommand.self, ConvertCommand.self, RenderCommand.self,
            ImportCommand.self, AddCommand.self, AssignCommand.self, MoveCommand.self, SetCommand.self,
            TeamCommand.self, HistoryCommand.self, LogCommand.self, DiffCommand.self,
        ]
    )

    /// Runs the command line with TeamGraph's exit statuses: usage errors and bad input exit 2.
    static func main() {
        do {
            var command = try parseAsRoot()
            try command.run()
            try Output.standard.flush()
        } catch let error as InvalidInput {
            Output.standardError(error.report())
            Foundation.exit(2)
        } catch let error as StoreError {
            if case .invalid(let input) = error {
                Output.standardError(input.report())
            } else {
                Output.standardError("teamgraph: \(error.description)")
            }
            Foundation.exit(2)
        } catch let error as UsageError {
            Output.standardError("teamgraph: \(error.message)")
            Foundation.exit(2)
        } catch let error as OutputError {
            if let change = CommittedChange.description {
                // The change is in the store: say so, and exit 0 so a retry is not needed.
                Output.standardError("teamgraph: \(change) was recorded, but its confirmation could not be printed: \(error.message)")
                Foundation.exit(0)
            }
            Output.standardError("teamgraph: \(error.message)")
            Foundation.exit(2)
        } catch let error as ExitCode {
            try? Output.standard.flush()
            Foundation.exit(error.rawValue)
        } catch {
            let code = exitCode(for: error)
            if code == .success {
                print(fullMessage(for: error))
                Foundation.exit(0)
            }
            Output.standardError(fullMessage(for: error))
            Foundation.exit(2)
        }
    }
}

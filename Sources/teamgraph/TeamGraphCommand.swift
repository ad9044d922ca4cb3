import ArgumentParser
import Foundation
import TeamGraph
import TeamGraphIO
import TeamGraphStore
import TeamGraphUseCases

@main
struct TeamGraphCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "teamgraph",
        abstract: "Keep a sales organisation's people network and answer questions about it.",
        discussion: """
            The network is a CSV or JSON file of people: id, name, sponsor, owner, role, team, \
            joined, status.
            Chinese headers such as 编号, 姓名, 推荐人, 责任人 are recognised.

            Exit status: 0 success, 1 a negative answer or gaps found with --fail-on-gaps, \
            2 bad input or usage (the message is on standard error).

            Example:
              teamgraph stats Samples/network.csv --teams Samples/teams.csv
            """,
        subcommands: [
            StatsCommand.self, MetricsCommand.self, GapsCommand.self, ChainCommand.self, AnswersToCommand.self,
            ReportsCommand.self, CommonCommand.self, SearchCommand.self, PersonCommand.self, ValidateCommand.self,
            ConvertCommand.self, RenderCommand.self,
            ImportCommand.self, AddCommand.self, AssignCommand.self, MoveCommand.self, SetCommand.self,
            TeamCommand.self, HistoryCommand.self, LogCommand.self, DiffCommand.self, ServeCommand.self,
            UserCommand.self,
            InspectCommand.self,
        ]
    )

    /// Runs the command line with TeamGraph's exit statuses: usage errors and bad input exit 2.
    static func main() {
        do {
            var command: ParsableCommand
            do {
                command = try parseAsRoot()
            } catch {
                // A command's validate() refused a value: report it like the same refusal in run().
                throw ownValidationError(in: error) ?? error
            }
            try command.run()
            try Output.standard.flush()
        } catch let error as InvalidInput {
            Output.standardError(error.commandLineReport)
            Foundation.exit(2)
        } catch let error as UseCaseError {
            if let report = error.invalidInputReport {
                Output.standardError(report)
            } else {
                Output.standardError("teamgraph: \(error.commandLineMessage ?? "")")
            }
            Foundation.exit(2)
        } catch let error as StoreError {
            if let message = error.commandLineMessage {
                Output.standardError("teamgraph: \(message)")
            } else if case .invalid(let input) = error {
                Output.standardError(input.commandLineReport)
            }
            Foundation.exit(2)
        } catch let error as UsageError {
            Output.standardError("teamgraph: \(error.message)")
            Foundation.exit(2)
        } catch let error as OutputError {
            if let change = CommittedChange.description {
                // The change is in the store: say so, and exit 0 so a retry is not needed.
                Output.standardError(
                    "teamgraph: \(change) was recorded, but its confirmation could not be printed: \(error.message)")
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

/// The error a command's `validate()` threw, when it is one of TeamGraph's own (ArgumentParser
/// wraps it in its internal `CommandError`, whose `parserError` is `.userValidationError(error)`).
func ownValidationError(in error: Error) -> Error? {
    for child in Mirror(reflecting: error).children where child.label == "parserError" {
        for payload in Mirror(reflecting: child.value).children where payload.label == "userValidationError" {
            if let own = payload.value as? UseCaseError { return own }
            if let own = payload.value as? UsageError { return own }
        }
    }
    return nil
}

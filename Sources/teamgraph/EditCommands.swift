import ArgumentParser
import TeamGraph
import TeamGraphIO
import TeamGraphStore
import TeamGraphUseCases

/// Parses a status option.
func parseStatus(_ text: String?) throws -> Status? {
    guard let text else { return nil }
    guard let status = Status(parsing: text) else {
        throw UsageError("unknown status '\(text)'; use \(Status.acceptedSpellings)")
    }
    return status
}

struct AddCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "add", abstract: "Add a person to the store.",
        discussion: """
            Example:
              teamgraph add M100 --name "Li Wei" --sponsor M023 --owner M002 \\
                  --team T1 --db org.teamgraph --date 2026-07-01
            """)

    @Argument(help: "The new person's id (an id beginning with - goes after --, e.g. -- -M7).") var id: String
    @Option(help: "The person's name.") var name: String = ""
    @Option(help: "The sponsor's id (default: none, a sponsor root).") var sponsor: String?
    @Option(help: "The owner's id (default: none).") var owner: String?
    @Option(help: "The person's role.") var role: String = ""
    @Option(help: "The team id (default: none).") var team: String?
    @Option(help: "The join day (default: --date).") var joined: String?
    @Option(help: "The status (default active).") var status: String?
    @Option(help: ArgumentHelp("An extra attribute.", valueName: "key=value")) var extra: [String] = []
    @OptionGroup var edit: EditOptions

    func run() throws {
        var extras: [String: String] = [:]
        for pair in extra {
            guard let equals = pair.firstIndex(of: "=") else {
                throw UsageError("--extra expects key=value, got '\(pair)'")
            }
            extras[String(pair[..<equals])] = String(pair[pair.index(after: equals)...])
        }
        let person = NewPerson(
            id: id, name: name, sponsor: sponsor, owner: owner, role: role, team: team,
            joined: try joined.map { text throws(UseCaseError) in try Day.parameter(text, .asOf) },
            status: try parseStatus(status) ?? .active, extras: extras)
        try edit.run(.add(person))
    }
}

struct AssignCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "assign", abstract: "Make someone the person's owner (or remove the owner).",
        discussion: """
            Example:
              teamgraph assign M031 --owner M002 --db org.teamgraph \\
                  --reason "newcomer onboarding"
            """)

    @Argument(help: "The person's id (an id beginning with - goes after --, e.g. -- -M7).") var id: String
    @Option(help: "The new owner's id.") var owner: String?
    @Flag(help: "Leave the person without an owner.") var noOwner = false
    @OptionGroup var edit: EditOptions

    func run() throws {
        guard (owner != nil) != noOwner else { throw UsageError("give exactly one of --owner ID and --no-owner") }
        try edit.run(.assign(person: id, owner: owner))
    }
}

struct MoveCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "move", abstract: "Move a person (with their downline) under a new sponsor.",
        discussion: """
            With --alone, the person's frontline stays with the old sponsor.

            Example:
              teamgraph move M031 --sponsor M007 --db org.teamgraph \\
                  --reason "sponsor corrected"
            """)

    @Argument(help: "The person's id (an id beginning with - goes after --, e.g. -- -M7).") var id: String
    @Option(help: "The new sponsor's id.") var sponsor: String?
    @Flag(help: "Make the person a sponsor root.") var noSponsor = false
    @Flag(help: "Move the person alone: their frontline stays with the old sponsor.") var alone = false
    @OptionGroup var edit: EditOptions

    func run() throws {
        guard (sponsor != nil) != noSponsor else {
            throw UsageError("give exactly one of --sponsor ID and --no-sponsor")
        }
        try edit.run(.move(person: id, sponsor: sponsor, alone: alone))
    }
}

struct SetCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "set", abstract: "Change a person's status, role, team or name (leaving is --status left).",
        discussion: """
            Example:
              teamgraph set M031 --status left --db org.teamgraph --date 2026-08-31 \\
                  --reason resigned
            """)

    @Argument(help: "The person's id (an id beginning with - goes after --, e.g. -- -M7).") var id: String
    @Option(help: "newcomer, active, inactive or left.") var status: String?
    @Option(help: "The new role.") var role: String?
    @Option(help: "The team id (empty for none).") var team: String?
    @Option(help: "The new name.") var name: String?
    @OptionGroup var edit: EditOptions

    func run() throws {
        let update = PersonUpdate(status: try parseStatus(status), role: role, team: team, name: name)
        try edit.run(.set(person: id, update))
    }
}

struct TeamCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "team", abstract: "Define, lead or rename teams in a store.",
        subcommands: [TeamAddCommand.self, TeamLeadCommand.self, TeamRenameCommand.self])
}

struct TeamAddCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "add", abstract: "Define a new team.",
        discussion: "Example:\n  teamgraph team add T9 --name \"North Star\" --lead M007 --db org.teamgraph")

    @Argument(help: "The new team's id (an id beginning with - goes after --, e.g. -- -M7).") var id: String
    @Option(help: "The team's name.") var name: String = ""
    @Option(help: "The lead's id (default: none).") var lead: String?
    @OptionGroup var edit: EditOptions

    func run() throws {
        try edit.run(.addTeam(id: id, name: name, lead: lead))
    }
}

struct TeamLeadCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "lead", abstract: "Make someone a team's lead (or remove the lead).",
        discussion: "Example:\n  teamgraph team lead T9 M008 --db org.teamgraph")

    @Argument(help: "The team's id (an id beginning with - goes after --, e.g. -- -M7).") var team: String
    @Argument(help: "The new lead's id (an id beginning with - goes after --, e.g. -- -M7).") var lead: String?
    @Flag(help: "Leave the team without a lead.") var noLead = false
    @OptionGroup var edit: EditOptions

    func run() throws {
        guard (lead != nil) != noLead else { throw UsageError("give exactly one of a lead id and --no-lead") }
        try edit.run(.setTeamLead(team: team, lead: lead))
    }
}

struct TeamRenameCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "rename", abstract: "Rename a team.",
        discussion: "Example:\n  teamgraph team rename T9 \"North Star East\" --db org.teamgraph")

    @Argument(help: "The team's id (an id beginning with - goes after --, e.g. -- -M7).") var team: String
    @Argument(help: "The new name.") var name: String
    @OptionGroup var edit: EditOptions

    func run() throws {
        try edit.run(.renameTeam(team: team, name: name))
    }
}

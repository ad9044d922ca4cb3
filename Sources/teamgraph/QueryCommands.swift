import ArgumentParser
import TeamGraph
import TeamGraphIO

struct ChainCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "chain",
        abstract: "Print who a person answers to, nearest first, as JSON.",
        discussion: """
            Example:
              teamgraph chain Samples/network.csv M023 --by owner
              teamgraph chain --db org.teamgraph M023 --as-of 2026-06-30
            """)

    @OptionGroup var input: NetworkInput
    @Argument(help: "The person's id.") var person: String?
    @Option(help: "owner (the responsibility chain) or sponsor (the upline).") var by: RelationOption = .owner
    @OptionGroup var asOf: AsOfOption
    @OptionGroup var format: JSONFormatOption

    func run() throws {
        var input = input
        let person = try input.positionals([person], names: ["person"])[0]
        let network = try input.load(asOf: asOf.asOf)
        let p = try PersonArgument.resolve(person, in: network)
        let chain = network.chain(of: p, by: by.relation)
        Output.standard.append(Reports.chainJSON(person: p, by: by.relation, chain: chain, in: network))
    }
}

struct AnswersToCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "answers-to",
        abstract: "Answer yes (exit 0) if B is on A's chain, else no (exit 1).",
        discussion: """
            Example:
              teamgraph answers-to Samples/network.csv M023 M001
            """)

    @OptionGroup var input: NetworkInput
    @Argument(help: "The person asked about.") var a: String?
    @Argument(help: "The possible leader.") var b: String?
    @Option(help: "owner or sponsor.") var by: RelationOption = .owner
    @OptionGroup var asOf: AsOfOption

    func run() throws {
        var input = input
        let ab = try input.positionals([a, b], names: ["a", "b"])
        let (a, b) = (ab[0], ab[1])
        let network = try input.load(asOf: asOf.asOf)
        let yes = network.answers(
            try PersonArgument.resolve(a, in: network), to: try PersonArgument.resolve(b, in: network), by: by.relation)
        Output.standard.append(yes ? "yes\n" : "no\n")
        if !yes { throw ExitCode(1) }
    }
}

struct ReportsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "reports",
        abstract: "List the people under someone, with their depth below them.",
        discussion: """
            Example:
              teamgraph reports Samples/network.csv M002 --depth 2 --format table
            """)

    @OptionGroup var input: NetworkInput
    @Argument(help: "The person's id.") var person: String?
    @Option(help: "Only people at most this many levels below.") var depth: Int?
    @Option(help: "owner or sponsor.") var by: RelationOption = .owner
    @OptionGroup var format: FormatOption
    @OptionGroup var asOf: AsOfOption

    func run() throws {
        if let depth, depth < 0 { throw UsageError("--depth must be 0 or more") }
        var input = input
        let person = try input.positionals([person], names: ["person"])[0]
        let network = try input.load(asOf: asOf.asOf)
        let p = try PersonArgument.resolve(person, in: network)
        try Reports.reports(network.reports(of: p, by: by.relation, maxDepth: depth), in: network).print(
            format.resolved)
    }
}

struct CommonCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "common",
        abstract: "Print the nearest leader two people share, or none.",
        discussion: """
            The lowest common ancestor; each person counts as on their own chain, so the common
            leader of someone and their owner is that owner.

            Example:
              teamgraph common Samples/network.csv M023 M031 --by sponsor
            """)

    @OptionGroup var input: NetworkInput
    @Argument(help: "One person.") var a: String?
    @Argument(help: "The other person.") var b: String?
    @Option(help: "owner or sponsor.") var by: RelationOption = .owner
    @OptionGroup var asOf: AsOfOption

    func run() throws {
        var input = input
        let ab = try input.positionals([a, b], names: ["a", "b"])
        let (a, b) = (ab[0], ab[1])
        let network = try input.load(asOf: asOf.asOf)
        let leader = network.commonLeader(
            try PersonArgument.resolve(a, in: network), try PersonArgument.resolve(b, in: network), by: by.relation)
        Output.standard.append(TerminalText.safe(leader.map { network.ids[Int($0)] } ?? "none") + "\n")
    }
}

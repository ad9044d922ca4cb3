import ArgumentParser
import TeamGraph
import TeamGraphIO
import TeamGraphUseCases

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
    @Argument(help: "The person's id (an id beginning with - goes after --, e.g. -- -M7).") var person: String?
    @Option(help: "The relation followed: owner (the responsibility chain) or sponsor (the upline).") var by: Relation =
        .owner
    @OptionGroup var asOf: AsOfOption
    @OptionGroup var format: JSONFormatOption

    func run() throws {
        var input = input
        let person = try input.positionals([person], names: ["person"])[0]
        try ChainRequest(network: try input.request(asOf: asOf.asOf), person: person, relation: by).run().json
            .print()
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
    @Argument(help: "The person asked about (an id beginning with - goes after --, e.g. -- -M7).") var a: String?
    @Argument(help: "The possible leader (an id beginning with - goes after --, e.g. -- -M7).") var b: String?
    @Option(help: "The relation followed: owner (the responsibility chain) or sponsor (the upline).") var by: Relation =
        .owner
    @OptionGroup var asOf: AsOfOption
    @OptionGroup var format: AnswerFormatOption

    func run() throws {
        var input = input
        let ab = try input.positionals([a, b], names: ["a", "b"])
        let (a, b) = (ab[0], ab[1])
        let request = AnswersToRequest(network: try input.request(asOf: asOf.asOf), person: a, leader: b, relation: by)
        let yes = try request.run()
        switch format.format {
        case .text: Output.standard.append(yes ? "yes\n" : "no\n")
        case .json: try request.json(answers: yes).print()
        }
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
    @Argument(help: "The person's id (an id beginning with - goes after --, e.g. -- -M7).") var person: String?
    @Option(help: "Only people at most this many levels below.") var depth: Int?
    @Option(help: "The relation followed: owner (the responsibility chain) or sponsor (the upline).") var by: Relation =
        .owner
    @OptionGroup var format: FormatOption
    @OptionGroup var asOf: AsOfOption

    func validate() throws {
        if let depth, depth < 0 { throw UseCaseError.badRequest(.depth, .tooSmall(depth, minimum: 0)) }
    }

    func run() throws {
        var input = input
        let person = try input.positionals([person], names: ["person"])[0]
        let request = ReportsRequest(
            network: try input.request(asOf: asOf.asOf), person: person, depth: depth, relation: by)
        try request.run().records.print(format.resolved)
    }
}

struct CommonCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "common",
        abstract: "Print the nearest leader two people share (exit 1 when they share none).",
        discussion: """
            The lowest common ancestor; each person counts as on their own chain, so the common \
            leader of someone and their owner is that owner. When the two share no leader, \
            nothing is printed on standard output, standard error says so and the exit status is \
            1; with --format json the answer is {"a", "b", "by", "common": ID or null}.

            Example:
              teamgraph common Samples/network.csv M023 M031 --by sponsor
            """)

    @OptionGroup var input: NetworkInput
    @Argument(help: "One person (an id beginning with - goes after --, e.g. -- -M7).") var a: String?
    @Argument(help: "The other person (an id beginning with - goes after --, e.g. -- -M7).") var b: String?
    @Option(help: "The relation followed: owner (the responsibility chain) or sponsor (the upline).") var by: Relation =
        .owner
    @OptionGroup var asOf: AsOfOption
    @OptionGroup var format: AnswerFormatOption

    func run() throws {
        var input = input
        let ab = try input.positionals([a, b], names: ["a", "b"])
        let (a, b) = (ab[0], ab[1])
        let request = CommonRequest(network: try input.request(asOf: asOf.asOf), person: a, other: b, relation: by)
        let leader = try request.run()
        switch format.format {
        case .text:
            if let leader {
                Output.standard.append(TerminalText.safe(leader) + "\n")
            } else {
                Output.standardError("teamgraph: '\(a)' and '\(b)' have no common leader by \(by.rawValue)")
            }
        case .json: try request.json(leader: leader).print()
        }
        if leader == nil { throw ExitCode(1) }
    }
}

struct SearchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "search",
        abstract: "Find people by id or name (case-insensitive), best matches first.",
        discussion: """
            Ranked: the exact id, then the exact name, then ids and names that start with TEXT, then \
            those that contain it; within a rank in input order.

            Example:
              teamgraph search Samples/network.csv 王 --limit 5
            """)

    @OptionGroup var input: NetworkInput
    @Argument(help: "The text searched for (text beginning with - goes after --, e.g. -- -M7).") var text: String?
    @Option(help: "The most people listed (at most \(PeopleSearch.maximumLimit)).") var limit: Int =
        SearchRequest.defaultLimit
    @OptionGroup var format: FormatOption
    @OptionGroup var asOf: AsOfOption

    func validate() throws {
        guard limit >= 1 else { throw UseCaseError.badRequest(.limit, .tooSmall(limit, minimum: 1)) }
    }

    func run() throws {
        var input = input
        let text = try input.positionals([text], names: ["text"])[0]
        let request = SearchRequest(network: try input.request(asOf: asOf.asOf), query: text, limit: limit)
        try request.run().records.print(format.resolved)
    }
}

struct PersonCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "person",
        abstract: "Print everything about one person as JSON: record, metrics, chains, people under them, gaps.",
        discussion: """
            The same JSON as the server's GET /api/people/ID (docs/api.md).

            Example:
              teamgraph person Samples/network.csv M023 --as-of 2026-03-31
            """)

    @OptionGroup var input: NetworkInput
    @Argument(help: "The person's id (an id beginning with - goes after --, e.g. -- -M7).") var person: String?
    @OptionGroup var analysis: AnalysisFlags
    @OptionGroup var format: JSONFormatOption

    func run() throws {
        var input = input
        let person = try input.positionals([person], names: ["person"])[0]
        let request = PersonRequest(input: try analysis.input(input), person: person)
        try request.run().json.print(expanded: true)
    }
}

import TeamGraph
import TeamGraphChart
import TeamGraphIO
import TeamGraphStore

/// Why a use case refused a request or failed, as data: a shell switches on it (the command line
/// words a message, an HTTP layer picks a status code: ``badRequest(_:_:)`` 400, ``notFound(person:parameter:)``
/// 404, ``invalidInput(_:)`` 422, ...).
public enum UseCaseError: Error, Sendable {
    /// A parameter of the request has a value that cannot be used; nothing was read.
    case badRequest(RequestParameter, BadValue)
    /// Two parameters that cannot be given together.
    case conflicting(RequestParameter, RequestParameter)
    /// A person id named by a parameter is not in the network.
    case notFound(person: String, parameter: RequestParameter)
    /// The input data is invalid: every problem with its file, line, column and field.
    case invalidInput(InvalidInput)
    /// The store refused or failed (its own typed error).
    case store(StoreError)
    /// The chart could not be made (its own typed error).
    case chart(ChartError)
    /// An account command or a sign-in was refused.
    case account(AccountRefusal)
}

/// A parameter of a request, named for the shells (the command line maps each to its flag).
public enum RequestParameter: String, Sendable, Hashable, CaseIterable {
    /// The network file.
    case network
    /// The store.
    case store
    /// The teams file.
    case teams
    /// The text encoding of the files.
    case encoding
    /// A header mapping `field=Header`.
    case mapping
    /// The order of day and month in day-month-first dates.
    case dateOrder
    /// What a date without its day means.
    case partialDates
    /// A status word mapping `word=status`.
    case statusMapping
    /// The status unknown status words are read as.
    case unknownStatus
    /// The day the network is read as of, or the reference day of the analyses.
    case asOf
    /// Days after joining that someone counts as a newcomer.
    case newcomerDays
    /// The most direct reports an owner should have.
    case maxSpan
    /// The person whose part of the network is analysed.
    case under
    /// The person asked about.
    case person
    /// The possible leader (`answers-to`) or the other person (`common`).
    case other
    /// The most levels below someone.
    case depth
    /// A root of the chart.
    case root
    /// The most nodes a chart draws.
    case maxNodes
    /// The output format.
    case format
    /// The output file name.
    case output
    /// The layout engine.
    case engine
    /// The chart direction.
    case rankDirection
    /// The colouring of the cards.
    case coloring
    /// The two days of a chart of changes.
    case diff
    /// The first day of a comparison or period.
    case from
    /// The second day of a comparison.
    case to
    /// The first day of a period.
    case since
    /// The last day of a period.
    case until
    /// The most results returned.
    case limit
    /// The text searched for.
    case query
    /// The people whose chart branches open.
    case expand
    /// The kinds of gaps kept.
    case kind
    /// The relation followed.
    case relation
    /// The other relation drawn.
    case also
    /// The paper a PDF is printed on.
    case page
    /// The orientation of printed pages.
    case orientation
    /// How a printed chart is split over pages.
    case pageSplit
    /// The most pages a printed chart may take.
    case maxPages
    /// The resolution of a PNG.
    case dpi
    /// Whether a PNG too large for one image is drawn as tiles.
    case tiles
    /// The TLS certificate chain `serve` presents.
    case tlsCertificate
    /// The private key of the TLS certificate.
    case tlsKey
}

/// What is wrong with a parameter's value.
public enum BadValue: Sendable, Hashable {
    /// Not a `YYYY-MM-DD` date.
    case notADate(String)
    /// A text encoding TeamGraph does not read.
    case unknownEncoding(String)
    /// A mapping without `=`.
    case malformedMapping(String)
    /// A mapping of a field that does not exist; `known` lists the fields.
    case unknownField(String, known: [String])
    /// A number below the least allowed (`minimum`).
    case tooSmall(Int, minimum: Int)
    /// A name outside the allowed ones.
    case unknownName(String, allowed: [String])
    /// Not a `FROM..TO` pair of dates.
    case notADayRange(String)
    /// An output file name whose format cannot be told.
    case unknownOutputFormat(String)
    /// No value where one is needed.
    case missing
    /// A setting that only applies to charts of another format (`pdf`, `png`).
    case onlyForFormat(String)
    /// A file that cannot be used: missing, unreadable or not what it should be.
    case unusableFile(path: String, reason: String)
}

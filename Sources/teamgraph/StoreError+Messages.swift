import TeamGraphStore

extension StoreError {
    /// The message the command line prints after `teamgraph: `, naming the flags that fix it;
    /// nil for invalid input, which is printed as its own report.
    var commandLineMessage: String? {
        switch self {
        case .invalid: nil
        case .refused(let refusal): refusal.commandLineMessage
        case .noStore(let path, let file):
            "no TeamGraph store at \(path)\(file.note) (create one with: teamgraph import FILE --db \(path))"
        case .readOnly(let path, .unmergedWrites):
            "cannot read \(path): it holds writes not yet merged into it (\(path)-wal) and its directory is not writable, so SQLite cannot read them; open it once where it can be written (any teamgraph command merges them)"
        case .notAStore, .damaged, .readOnly, .database, .unreachable, .server: description
        }
    }
}

extension StoreRefusal {
    /// The refusal in the command line's words: the library's, with the flags and commands that
    /// fix it.
    var commandLineMessage: String {
        switch self {
        case .nothingToSet:
            "nothing to set: give --status, --role, --team or --name"
        case .undefinedTeam(let id):
            "team '\(id)' is not defined (define it first: teamgraph team add \(id) --name NAME)"
        case .beforeStoreBegins(let first, let asked):
            "the store begins on \(first); it has no network as of \(asked) (import older files with --date to record earlier states)"
        case .importBeforeLatestChange(let latest, let date):
            "the store has changes effective up to \(latest); an import dated \(date) would rewrite them. Give --date \(latest) or later"
        case .fromAfterTo(let from, let to):
            "--from \(from) is after --to \(to)"
        case .nothingChanges, .emptyStore, .emptyID, .duplicateID, .unknownPerson, .unknownTeam, .unknownReference,
            .addedAfterEdit, .teamAddedAfterEdit, .laterChange, .laterTeamChange, .ownParent, .cycle:
            description
        }
    }
}

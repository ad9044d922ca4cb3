import TeamGraph
import TeamGraphAccess
import TeamGraphHistory
import TeamGraphStore

/// One edit by a signed-in account: an ``EditRequest`` with the account as its author, allowed
/// only to editors and, for a scoped editor, only inside the scope on every day it is checked.
///
/// A name outside the scope is refused exactly as a name that does not exist, and a refusal from
/// the store names nobody outside the scope.
///
/// ```swift
/// let request = ScopedEditRequest(
///     store: "org.teamgraph", edit: .assign(person: "M041", owner: "M039"), account: editor)
/// let views = try request.daysChecked.map { day in ScopedNetworks(whole: networkOn(day), scope: editor.scope) }
/// let result = try request.run(checkedAgainst: views)
/// ```
public struct ScopedEditRequest: Sendable {
    /// The edit, with the account's name as its author.
    public var edit: EditRequest
    /// Who asks.
    public var account: Account

    /// Creates the request.
    public init(store: String, edit: Edit, date: Day? = nil, account: Account, reason: String = "") {
        self.edit = EditRequest(store: store, edit: edit, date: date, author: account.name, reason: reason)
        self.account = account
    }

    /// The days on which the edit must stay inside the scope: today and the day it takes effect.
    public var daysChecked: [Day] {
        let today = Day.today()
        let effective = edit.date ?? today
        return effective == today ? [today] : [today, effective]
    }

    /// Refuses an account that may not edit at all (a viewer), before anything else is read.
    public static func requireEditor(_ account: Account) throws(UseCaseError) {
        guard account.role.mayEdit else { throw .account(.viewerCannotEdit) }
    }

    /// Checks the edit against the networks as of ``daysChecked``, in that order (for an
    /// unscoped account none are needed), then applies it.
    public func run(checkedAgainst networks: [ScopedNetworks]) throws(UseCaseError) -> EditResult {
        try Self.requireEditor(account)
        precondition(
            account.scope.person == nil || networks.count == daysChecked.count,
            "a scoped edit is checked against the network of every day in daysChecked")
        for seen in networks where account.scope.person != nil {
            try ScopedEditRules(scope: account.scope, visible: seen.visible, whole: seen.whole).check(edit.edit)
        }
        do {
            return try edit.run()
        } catch {
            guard account.scope.person != nil, let seen = networks.last else { throw error }
            throw ScopedEditRules(scope: account.scope, visible: seen.visible, whole: seen.whole).masked(error)
        }
    }
}

/// The whole network on one day and the part of it a scope sees.
public struct ScopedNetworks: Sendable {
    /// Everyone.
    public var whole: Network
    /// The scope's branch (``AccountScope/visible(in:)``).
    public var visible: Network

    /// Pairs a network with the view a scope has of it (already made, e.g. cached by a server).
    public init(whole: Network, visible: Network) {
        self.whole = whole
        self.visible = visible
    }

    /// Pairs a network with the view `scope` has of it.
    public init(whole: Network, scope: AccountScope) {
        self.init(whole: whole, visible: scope.visible(in: whole))
    }
}

import Dispatch
import Foundation
import NIOConcurrencyHelpers
import TeamGraph
import TeamGraphPostgres
import TeamGraphStore

/// What a `--db` value names: a SQLite store file, or a PostgreSQL database (`postgres://…` or
/// `postgresql://…`) with the organisation in its `org` query item (`?org=north`; none: the
/// default organisation).
public enum StoreAddress: Sendable, Hashable {
    /// A SQLite store file.
    case file(String)
    /// A PostgreSQL store: the URL as given and the organisation.
    case postgres(url: String, organisation: String)

    /// Reads a `--db` value.
    public init(_ text: String) {
        guard PostgresLocation.isURL(text) else {
            self = .file(text)
            return
        }
        var organisation = PostgresStore.defaultOrganisation
        if let query = URLComponents(string: text)?.queryItems,
            let value = query.first(where: { $0.name == "org" })?.value, !value.isEmpty
        {
            organisation = value
        }
        self = .postgres(url: text, organisation: organisation)
    }

    /// The store as messages show it: a PostgreSQL URL without its password, with the organisation.
    public var shown: String {
        switch self {
        case .file(let path): path
        case .postgres(let url, let organisation):
            ((try? PostgresLocation(url: url))?.description ?? "a PostgreSQL database")
                + " (organisation '\(organisation)')"
        }
    }

    /// `text` with the organisation `organisation` (`--org`) for a PostgreSQL URL; a file path
    /// as it is (a file holds one organisation).
    public static func text(_ text: String, organisation: String?) -> String {
        guard let organisation, !organisation.isEmpty, PostgresLocation.isURL(text) else { return text }
        var components = URLComponents(string: text)
        var items = (components?.queryItems ?? []).filter { $0.name != "org" }
        items.append(URLQueryItem(name: "org", value: organisation))
        components?.queryItems = items
        return components?.string ?? text
    }
}

/// A store opened for a use case: the SQLite file, or the PostgreSQL organisation, with the
/// operations the use cases call. PostgreSQL's are asynchronous: the synchronous use cases wait
/// for them (they run on the command line's main thread or the server's thread pool, never on
/// an event loop).
enum OpenedStore {
    case file(Store)
    case postgres(PostgresStore)

    /// Opens the store `text` names; a PostgreSQL store is opened once per process and kept.
    static func open(_ text: String, mode: Store.Mode) throws(UseCaseError) -> OpenedStore {
        do {
            switch StoreAddress(text) {
            case .file(let path): return .file(try Store.open(path, mode: mode))
            case .postgres(let url, let organisation):
                return .postgres(try PostgresStores.shared.store(url: url, organisation: organisation))
            }
        } catch {
            throw .store(error)
        }
    }

    func network(asOf day: Day) throws(UseCaseError) -> Network {
        try run { s throws(StoreError) in
            try s.network(asOf: day)
        } postgres: { (store: PostgresStore) async throws(StoreError) in
            try await store.network(asOf: day)
        }
    }

    func history(of id: String) throws(UseCaseError) -> [ChangeRecord] {
        try run { s throws(StoreError) in
            try s.history(of: id)
        } postgres: { (store: PostgresStore) async throws(StoreError) in
            try await store.history(of: id)
        }
    }

    func log(since: Day?, until: Day?) throws(UseCaseError) -> [ChangeRecord] {
        try run { s throws(StoreError) in
            try s.log(since: since, until: until)
        } postgres: { (store: PostgresStore) async throws(StoreError) in
            try await store.log(since: since, until: until)
        }
    }

    func diff(from: Day, to: Day) throws(UseCaseError) -> NetworkDiff {
        try run { s throws(StoreError) in
            try s.diff(from: from, to: to)
        } postgres: { (store: PostgresStore) async throws(StoreError) in
            try await store.diff(from: from, to: to)
        }
    }

    func validatedNetwork(asOf day: Day) throws(UseCaseError) -> Network {
        try run { s throws(StoreError) in
            try s.validatedNetwork(asOf: day)
        } postgres: { (store: PostgresStore) async throws(StoreError) in
            try await store.validatedNetwork(asOf: day)
        }
    }

    func apply(_ edit: Edit, info: EditInfo) throws(UseCaseError) -> EditSummary {
        try run { s throws(StoreError) in
            try s.apply(edit, info: info)
        } postgres: { (store: PostgresStore) async throws(StoreError) in
            try await store.apply(edit, info: info)
        }
    }

    func importNetwork(_ network: Network, source: String, info: EditInfo) throws(UseCaseError) -> ImportSummary {
        try run { s throws(StoreError) in
            try s.importNetwork(network, source: source, info: info)
        } postgres: { (store: PostgresStore) async throws(StoreError) in
            try await store.importNetwork(network, source: source, info: info)
        }
    }

    func run<T: Sendable>(
        _ file: (Store) throws(StoreError) -> T,
        postgres: @escaping @Sendable (PostgresStore) async throws(StoreError) -> T
    ) throws(UseCaseError) -> T {
        do {
            switch self {
            case .file(let store): return try file(store)
            case .postgres(let store):
                return try waitFor { () async throws(StoreError) -> T in try await postgres(store) }
            }
        } catch {
            throw .store(error)
        }
    }
}

/// Runs `body` in a task and waits for it on this thread.
func waitFor<T: Sendable>(_ body: @escaping @Sendable () async throws(StoreError) -> T) throws(StoreError) -> T {
    let result = NIOLockedValueBox<Result<T, StoreError>?>(nil)
    let done = DispatchSemaphore(value: 0)
    Task {
        do {
            let value = try await body()
            result.withLockedValue { $0 = .success(value) }
        } catch {
            let failure = error as? StoreError ?? .server("\(error)")
            result.withLockedValue { $0 = .failure(failure) }
        }
        done.signal()
    }
    done.wait()
    return try result.withLockedValue { $0! }.get()
}

/// The PostgreSQL stores this process opened, by URL and organisation: opening checks the
/// schema (and creates it), once; every later use leases from the store's pool.
final class PostgresStores: Sendable {
    static let shared = PostgresStores()
    private let stores = NIOLockedValueBox<[String: PostgresStore]>([:])

    func store(url: String, organisation: String) throws(StoreError) -> PostgresStore {
        let key = url + "\u{0}" + organisation
        if let known = stores.withLockedValue({ $0[key] }) { return known }
        let store = try waitFor { () async throws(StoreError) -> PostgresStore in
            do {
                return try await PostgresStore.open(try PostgresLocation(url: url), organisation: organisation)
            } catch let error as PostgresStoreError {
                throw error.storeError
            } catch {
                throw .server("\(error)")
            }
        }
        return stores.withLockedValue { stores in
            if let raced = stores[key] {
                store.close()
                return raced
            }
            stores[key] = store
            return store
        }
    }
}

/// What tells a long-running shell that a PostgreSQL store changed: the organisation's latest
/// batch id (nil for a store file, whose file stamps tell).
public struct StoreVersionRequest: UseCaseRequest {
    /// The store.
    public var store: String

    /// Creates the request.
    public init(store: String) { self.store = store }

    /// The version; nil for a file.
    public func run() throws(UseCaseError) -> Int64? {
        guard case .postgres(let store) = try OpenedStore.open(store, mode: .readOnly) else { return nil }
        do {
            return try waitFor { () async throws(StoreError) -> Int64 in try await store.version() }
        } catch {
            throw .store(error)
        }
    }
}

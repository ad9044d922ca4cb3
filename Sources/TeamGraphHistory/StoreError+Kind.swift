/// The class of a ``StoreError``, for a shell that maps errors to status codes (an HTTP layer:
/// ``notFound`` 404, ``conflict`` 409, ``badRequest`` 400 or 422, ``damaged`` and ``unavailable``
/// 500 or 503).
public enum StoreErrorKind: String, Sendable, Hashable, CaseIterable {
    /// The request names a person, a team or a day the store does not hold.
    case notFound
    /// The request contradicts what the store holds (a later change, a cycle, an existing id,
    /// nothing to change).
    case conflict
    /// The request itself is wrong (an empty id, no field to set, invalid input to import).
    case badRequest
    /// The store's rows break TeamGraph's rules.
    case damaged
    /// The store cannot be used: missing, not a store, newer schema, read-only, or the database failed or
    /// cannot be reached.
    case unavailable
}

extension StoreError {
    /// The class of the error, for a status code.
    public var kind: StoreErrorKind {
        switch self {
        case .invalid: .badRequest
        case .refused(let refusal): refusal.kind
        case .damaged: .damaged
        case .noStore: .notFound
        case .notAStore, .readOnly, .database, .unreachable, .server: .unavailable
        }
    }
}

/// What an account may do: read, edit, or also manage accounts.
public enum Role: String, Sendable, Hashable, CaseIterable, Codable {
    /// Reads and edits everything in scope (accounts are managed with the command line).
    case admin
    /// Reads and edits the people in scope.
    case editor
    /// Reads the people in scope; changes nothing.
    case viewer

    /// Whether the role may change the network.
    public var mayEdit: Bool { self != .viewer }
}

import Hummingbird
import NIOCore
import TeamGraphAccess

/// The context of one request: Hummingbird's core context, the client's address and the
/// account signed in (nil on a server without accounts).
struct ServedContext: RequestContext {
    var coreContext: CoreRequestContextStorage
    /// The client's IP address (what failed sign-ins are counted by, with the name).
    let remoteAddress: String
    /// The account the request is signed in as.
    var account: Account?
    /// Whether the request is signed in by the session cookie (then a change must pass the
    /// cross-site check); false for a bearer token.
    var signedInByCookie = false

    init(source: ApplicationRequestContextSource) {
        coreContext = .init(source: source)
        remoteAddress = source.channel.remoteAddress?.ipAddress ?? "unknown"
    }

    /// The `{id}` of the path, percent-decoded.
    var id: String {
        let raw = parameters.get("id") ?? ""
        return raw.removingPercentEncoding ?? raw
    }
}

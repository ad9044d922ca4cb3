import Foundation

/// Who makes a change when the shell is not told: the login name.
public enum EditAuthor {
    /// The login name: `USER`, else `LOGNAME` in `environment`, else the user database's name for
    /// the process's user, else `unknown`.
    public static func login(environment: [String: String] = ProcessInfo.processInfo.environment) -> String {
        if let user = environment["USER"] { return user }
        if let user = environment["LOGNAME"] { return user }
        return getpwuid(getuid()).flatMap { $0.pointee.pw_name.map { String(cString: $0) } } ?? "unknown"
    }
}

import TeamGraph

extension ReadingSetting {
    /// The flag that sets this on the command line.
    var flagName: String {
        switch self {
        case .encoding: "--encoding"
        case .map: "--map"
        case .dateOrder: "--date-order"
        case .partialDates: "--partial-dates"
        case .statusMap: "--status-map"
        case .unknownStatus: "--unknown-status"
        }
    }

    /// A mention of `setting` as a user would type it: the flag and the value, the value quoted
    /// for a shell where it needs it (a status-map value always is, as it holds a placeholder).
    static func flag(_ setting: ReadingSetting, _ value: String) -> String {
        guard !value.isEmpty else { return setting.flagName }
        // The unknown-status value is a list of choices (`active|inactive|left`), never run as is.
        let allowed = setting == .unknownStatus ? "_-.=|" : "_-.="
        let plain = value.allSatisfy { $0.isLetter || $0.isNumber || allowed.contains($0) }
        if plain && setting != .statusMap { return "\(setting.flagName) \(value)" }
        return "\(setting.flagName) '\(value.replacing("'", with: "'\\''"))'"
    }
}

extension Problem {
    /// The problem as the command line says it: reading settings named by their flags.
    var commandLineText: String { description(spelling: ReadingSetting.flag) }
}

extension InvalidInput {
    /// The report as the command line says it: reading settings named by their flags.
    var commandLineReport: String { report(spelling: ReadingSetting.flag) }
}

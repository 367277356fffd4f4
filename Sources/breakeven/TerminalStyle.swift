/// ANSI styles for tables on a terminal.
enum TerminalStyle: String {
    case bold = "1"
    case dim = "2"
    case red = "31"
    case green = "32"
    case yellow = "33"

    func apply(_ text: String) -> String {
        "\u{1B}[\(rawValue)m" + text + TerminalStyle.reset
    }

    static let reset = "\u{1B}[0m"

    /// Every sequence `apply` writes: the only escape sequences printed raw.
    static let sequences = [reset] + [TerminalStyle.bold, .dim, .red, .green, .yellow].map { "\u{1B}[\($0.rawValue)m" }

    /// NO_COLOR set and not empty, TERM=dumb or output that is not a terminal: plain text.
    static func colorsAllowed(environment: [String: String], isTerminal: Bool) -> Bool {
        if let noColor = environment["NO_COLOR"], !noColor.isEmpty { return false }
        if environment["TERM"] == "dumb" { return false }
        return isTerminal
    }
}

import Foundation

/// The only place that writes to the terminal.
enum Terminal {
    static func out(_ text: String) {
        FileHandle.standardOutput.write(Data((text.hasSuffix("\n") ? text : text + "\n").utf8))
    }

    static func error(_ text: String) {
        FileHandle.standardError.write(Data((text.hasSuffix("\n") ? text : text + "\n").utf8))
    }

    /// Colour on standard output only for a terminal, and never when NO_COLOR is set to
    /// anything (https://no-color.org) or TERM is "dumb".
    static var colorsOnStandardOutput: Bool {
        TerminalStyle.colorsAllowed(environment: ProcessInfo.processInfo.environment, isTerminal: isatty(STDOUT_FILENO) == 1)
    }
}

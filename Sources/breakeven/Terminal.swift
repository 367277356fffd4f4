import Foundation

/// The only place that writes to the terminal. Nothing a file supplies reaches it raw: control
/// characters (an escape sequence that moves the cursor, retitles the window or hides text),
/// C1 controls and bidirectional overrides print as `\u{1B}`-style text, and a line that would
/// start with `::` (a GitHub Actions workflow command, which the runner reads from any output)
/// starts with a backslash instead.
enum Terminal {
    static func out(_ text: String) {
        FileHandle.standardOutput.write(Data(terminated(visible(text, keepingStyles: colorsOnStandardOutput)).utf8))
    }

    static func error(_ text: String) {
        FileHandle.standardError.write(Data(terminated(visible(text)).utf8))
    }

    /// A GitHub Actions workflow command (`::error file=…::message`), the one line allowed to
    /// start with `::`. `GitHubAnnotation` percent-encodes its line breaks, so it is one line;
    /// controls in it are still escaped.
    static func workflowCommand(_ command: String) {
        FileHandle.standardError.write(Data(terminated(controlsEscaped(command, keepingStyles: false)).utf8))
    }

    static func terminated(_ text: String) -> String {
        text.hasSuffix("\n") ? text : text + "\n"
    }

    /// Colour on standard output only for a terminal, and never when NO_COLOR is set to
    /// anything (https://no-color.org) or TERM is "dumb".
    static var colorsOnStandardOutput: Bool {
        TerminalStyle.colorsAllowed(environment: ProcessInfo.processInfo.environment, isTerminal: isatty(STDOUT_FILENO) == 1)
    }

    /// `text` safe to print: controls escaped (but for line feeds and tabs, and, with
    /// `keepingStyles`, the exact colour sequences `TerminalStyle` writes), and no line that
    /// starts with `::`.
    static func visible(_ text: String, keepingStyles: Bool = false) -> String {
        controlsEscaped(text, keepingStyles: keepingStyles).split(separator: "\n", omittingEmptySubsequences: false).map { line in
            let indent = line.prefix { $0 == " " || $0 == "\t" }
            return line.dropFirst(indent.count).hasPrefix("::") ? indent + "\\" + line.dropFirst(indent.count) : line
        }.joined(separator: "\n")
    }

    /// `text` with every control escaped but line feeds, tabs and (with `keepingStyles`) the
    /// colour sequences `TerminalStyle` writes.
    private static func controlsEscaped(_ text: String, keepingStyles: Bool) -> String {
        let styles = keepingStyles ? TerminalStyle.sequences : []
        var out = ""
        var rest = Substring(text)
        while let c = rest.unicodeScalars.first {
            if c == "\u{1B}", let style = styles.first(where: { rest.hasPrefix($0) }) {
                out += style
                rest = rest.dropFirst(style.count)
                continue
            }
            out += escaped(c)
            rest = Substring(rest.unicodeScalars.dropFirst())
        }
        return out
    }

    /// One scalar as the terminal should show it.
    static func escaped(_ c: Unicode.Scalar) -> String {
        switch c.value {
        case 0x0A, 0x09: return String(c)
        case 0..<0x20, 0x7F...0x9F, 0x202A...0x202E, 0x2066...0x2069:
            return "\\u{" + String(c.value, radix: 16, uppercase: true) + "}"
        default: return String(c)
        }
    }
}

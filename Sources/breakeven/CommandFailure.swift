import ArgumentParser

/// Why a command stopped: what to tell the user and the sysexits status to exit with. Commands
/// throw it; `Breakeven.main` words it, in one place ("breakeven: " and the message on standard
/// error), as swift-argument-parser keeps its `ParserError` apart from the text it prints.
struct CommandFailure: Error, CustomStringConvertible {
    var message: String
    var status: ExitCode

    init(_ status: ExitCode, _ message: String) {
        self.status = status
        self.message = message
    }

    var description: String { "breakeven: \(message)" }
}

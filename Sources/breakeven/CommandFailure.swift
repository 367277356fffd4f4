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

extension CommandFailure {
    /// What `body` reads; an error that is not already a command's own (an `ExitCode` or a
    /// `CommandFailure`) is bad data: "cannot read WHAT: error", status 65.
    static func reading<T>(_ what: String, _ body: () throws -> T) throws -> T {
        do {
            return try body()
        } catch let stop as ExitCode {
            throw stop
        } catch let failure as CommandFailure {
            throw failure
        } catch {
            throw CommandFailure(ExitStatus.dataError, "cannot read \(what): \(error)")
        }
    }
}

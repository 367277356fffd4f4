import ArgumentParser
import Testing
@testable import breakeven

/// What a command cannot read is bad data naming what it read; a command's own exit passes through.
@Suite struct CommandFailureTests {
    struct Malformed: Error, CustomStringConvertible {
        var description: String { "database disk image is malformed" }
    }

    @Test func anErrorWhileReadingIsBadDataNamingWhatWasRead() throws {
        let failure = #expect(throws: CommandFailure.self) {
            try CommandFailure.reading("the usage database u.sqlite") { () throws -> Int in throw Malformed() }
        }
        #expect(failure?.description == "breakeven: cannot read the usage database u.sqlite: database disk image is malformed")
        #expect(failure?.status == ExitStatus.dataError)
    }

    @Test func aCommandsOwnExitPassesUnchanged() throws {
        let own = #expect(throws: CommandFailure.self) {
            try CommandFailure.reading("h.sqlite") { () throws -> Int in throw CommandFailure(ExitStatus.usage, "--model x: no model matches") }
        }
        #expect(own?.description == "breakeven: --model x: no model matches" && own?.status == ExitStatus.usage)
        let status = #expect(throws: ExitCode.self) {
            try CommandFailure.reading("h.sqlite") { () throws -> Int in throw ExitStatus.noInput }
        }
        #expect(status == ExitStatus.noInput)
        #expect(try CommandFailure.reading("h.sqlite") { 7 } == 7)
    }
}

import ArgumentParser

/// sysexits(3) statuses, as DESIGN.md lists them.
enum ExitStatus {
    /// A guardrail failed.
    static let guardrail = ExitCode(1)
    static let usage = ExitCode(64)
    /// Invalid scenario or data file.
    static let dataError = ExitCode(65)
    /// Input file missing.
    static let noInput = ExitCode(66)
    static let software = ExitCode(70)
    /// Cannot create output.
    static let cantCreate = ExitCode(73)
}

/// Every rule that could not be checked, in the order given.
public struct GuardrailProblems: Error, Sendable, Hashable {
    public var problems: [GuardrailProblem]

    init(_ problems: [GuardrailProblem]) {
        self.problems = problems
    }

    /// True when every problem comes from `--fail-on` (exit 64); a scenario rule makes it 65.
    public var allFromCommandLine: Bool { problems.allSatisfy(\.fromCommandLine) }
}

/// Why a sweep cannot run, said as the command line reads: `--x PATH=LO..HI: …`.
public struct SweepProblem: Error, Sendable, Hashable {
    public var message: String
    /// An input the scenario cannot be built with (65), rather than a bad argument (64).
    public var isInvalidScenario: Bool

    public init(_ message: String, invalidScenario: Bool = false) {
        self.message = message
        self.isInvalidScenario = invalidScenario
    }
}

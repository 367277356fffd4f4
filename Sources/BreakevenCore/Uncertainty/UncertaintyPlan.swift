/// A scenario's `uncertainty` block, checked: how many trials, from which seed, over which inputs.
public struct UncertaintyPlan: Sendable, Hashable {
    public static let defaultTrials = 10_000
    public static let defaultSeed: UInt64 = 1

    public var trials: Int
    public var seed: UInt64
    /// In the order the scenario lists them; a trial draws input j from stream j.
    public var inputs: [UncertainInput]
    /// Pairs of inputs that move together; empty: every input is drawn independently.
    public var correlations: [InputCorrelation]

    public init(trials: Int = UncertaintyPlan.defaultTrials, seed: UInt64 = UncertaintyPlan.defaultSeed, inputs: [UncertainInput],
                correlations: [InputCorrelation] = []) {
        self.trials = trials
        self.seed = seed
        self.inputs = inputs
        self.correlations = correlations
    }
}

/// One uncertain input: the number and how likely each of its values is.
public struct UncertainInput: Sendable, Hashable {
    public var input: NumericInput
    public var distribution: Distribution
    /// Why the input is uncertain when the scenario does not list it (a calibration's residual).
    public var note: String?

    public init(input: NumericInput, distribution: Distribution, note: String? = nil) {
        self.input = input
        self.distribution = distribution
        self.note = note
    }

    public var path: String { input.path }

    var sampler: InputSampler { InputSampler(distribution, range: input.range) }

    /// The value a share p of the draws fall below, valid for the input: p10 and p90 are the
    /// tornado's low and high.
    public func quantile(_ p: Double) -> Double { sampler.quantile(p) }
}

extension ScenarioLanguage {
    /// Any number: a distribution's parameters are checked against the range of the input it
    /// describes, which only the path tells.
    private static let anyNumber = Shape.number(NumberBounds())

    /// One uncertain input: exactly one distribution.
    static let distribution = Shape.object(ObjectShape([
        Field("uniform", .array(anyNumber, count: 2...2), "[lo, hi]: every value between equally likely."),
        Field("triangular", .array(anyNumber, count: 3...3), "[lo, mode, hi]: most likely at mode, linearly less so towards lo and hi."),
        Field("pert", .array(anyNumber, count: 3...3), "[lo, mode, hi]: a smooth beta between lo and hi around mode (mean (lo + 4·mode + hi) / 6)."),
        Field("normal", .object(ObjectShape([
            Field("mean", anyNumber, required: true, "Mean before truncation."),
            Field("sd", .number(.atLeast(0)), required: true, "Standard deviation before truncation."),
        ])), "{mean, sd}, truncated to the input's valid range."),
        Field("lognormal", .object(ObjectShape([
            Field("median", .number(.above(0)), required: true, "Half the values lie below it."),
            Field("p90", .number(.above(0)), required: true, "Nine in ten values lie below it (at least the median)."),
        ])), "{median, p90}: skewed to the high side, truncated to the input's valid range."),
        Field("choice", .array(.array(anyNumber, count: 2...2), count: 1...100), "[[value, weight], …]: one of the values, with chances in proportion to the weights."),
    ], exactlyOne: [[Alternative(["uniform"]), Alternative(["triangular"]), Alternative(["pert"]),
                     Alternative(["normal"]), Alternative(["lognormal"]), Alternative(["choice"])]],
       doc: "How likely each value of one input is."))

    /// Two inputs that move together.
    static let correlation = Shape.object(ObjectShape([
        Field("between", .array(.string(.text), count: 2...2), required: true, "The two inputs' paths, as `inputs` lists them."),
        Field("rank_correlation", .number(NumberBounds(min: -1, minExclusive: true, max: 1, maxExclusive: true)), required: true,
              "Spearman's rank correlation of their draws, strictly between -1 and 1: 0.6 moves them together, -0.6 against each other."),
    ], doc: "A rank correlation between two uncertain inputs."))

    static let uncertainty = Shape.object(ObjectShape([
        Field("trials", .integer(min: 1, max: 100_000), default: "10000", "Monte Carlo trials (every trial's inputs and totals are kept, so at most 100,000)."),
        Field("seed", .integer(min: 0, max: 1_000_000_000_000_000), default: "1", "Seed of the trials' random numbers: the same seed gives the same figures on any number of threads."),
        Field("inputs", .map(distribution, maxCount: 100), required: true,
              "Uncertain inputs by path, as --set takes them (options.self.gpu_hourly, workload.growth.monthly_rate), each with its distribution."),
        Field("correlations", .array(correlation, count: 0...100),
              "Inputs that move together, as rank correlations (a Gaussian copula; each input keeps its own distribution). Pairs not listed are independent."),
    ], doc: "Monte Carlo over uncertain inputs: the range and the odds of every figure, and a tornado of what drives the savings."))
}

/// Counter-based random numbers: the draws of one input in one trial are a pure function of
/// (seed, trial, input), so a trial gives the same values whichever thread runs it and however
/// many there are. SplitMix64 (Steele, Lea & Flood 2014) keyed by the three, then stepped.
struct TrialRandom {
    private var state: UInt64

    init(seed: UInt64, trial: Int, stream: Int) {
        self.init(trialKey: TrialRandom.trialKey(seed: seed, trial: trial), stream: stream)
    }

    /// The stream of one input in the trial `trialKey(seed:trial:)` keys: the same state as
    /// `init(seed:trial:stream:)`, the trial's part mixed once for all its inputs.
    init(trialKey: UInt64, stream: Int) {
        state = TrialRandom.mix(trialKey &+ UInt64(truncatingIfNeeded: stream))
    }

    static func trialKey(seed: UInt64, trial: Int) -> UInt64 {
        mix(mix(seed) &+ UInt64(truncatingIfNeeded: trial))
    }

    private static let gamma: UInt64 = 0x9E37_79B9_7F4A_7C15

    /// SplitMix64's finaliser of x + γ: a bijection that scatters nearby keys.
    static func mix(_ x: UInt64) -> UInt64 {
        var z = x &+ gamma
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    mutating func next() -> UInt64 {
        state &+= TrialRandom.gamma
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// Uniform on the open interval (0, 1): 53 random bits, centred in their cell, so neither
    /// 0 nor 1 comes out (an inverse CDF stays finite).
    mutating func unit() -> Double {
        (Double(next() >> 11) + 0.5) * 0x1p-53
    }
}

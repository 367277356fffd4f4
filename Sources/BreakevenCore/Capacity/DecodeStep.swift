/// One step of a replica: every request in the batch gets one token, and the prompts that arrive
/// meanwhile are prefilled in the same pass.
struct DecodeStep: Sendable, Hashable {
    var memorySeconds: Double
    var computeSeconds: Double
    var communicationSeconds: Double
    /// Host-side time the engine does not hide (`ServingEfficiency.stepOverheadSeconds`).
    var overheadSeconds: Double = 0
    /// Share of the step's arithmetic spent on prompt tokens.
    var prefillFLOPShare: Double = 0

    /// Roofline: the step lasts as long as the slower of moving bytes and doing arithmetic (the
    /// two overlap), plus what cannot overlap: tensor-parallel all-reduces or expert all-to-alls,
    /// and the per-step overhead.
    var seconds: Double { max(memorySeconds, computeSeconds) + communicationSeconds + overheadSeconds }

    var bound: CapacityBound { memorySeconds >= computeSeconds ? .memory : .compute }
}

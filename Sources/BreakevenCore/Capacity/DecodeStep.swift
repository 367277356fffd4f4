/// One decode step of a replica: every request in the batch gets one token.
struct DecodeStep: Sendable, Hashable {
    var memorySeconds: Double
    var computeSeconds: Double
    var communicationSeconds: Double

    /// Roofline: the step lasts as long as the slower of moving bytes and doing arithmetic (the
    /// two overlap), plus what cannot overlap: tensor-parallel all-reduces. Host-side scheduling
    /// is not added — TensorRT-LLM's overlap scheduler (on by default), vLLM's async scheduling and
    /// SGLang's zero-overhead scheduler run it while the GPU works, and launch gaps that remain are
    /// inside the measured bandwidth utilization.
    var seconds: Double { max(memorySeconds, computeSeconds) + communicationSeconds }

    var bound: CapacityBound { memorySeconds >= computeSeconds ? .memory : .compute }
}

/// What every layout of one setup shares: the setup, the efficiencies it runs at, and what a
/// decode step needs that depends on neither the layout nor the batch, worked out once per
/// estimate. The plans of one estimate hold it by reference (a plan is copied as it is filtered
/// and ranked; the setup is not).
final class ReplicaSetupTerms: Sendable {
    let setup: ServingSetup
    let efficiency: ServingEfficiency
    /// Every weight at the setup's format.
    let weightBytes: Double
    /// A dense model every token uses whole: each step reads all its weights, whatever the batch.
    let readsWholeWeights: Bool
    /// FLOPs of one uncached prompt token attending to the prompt before it.
    let prefillFLOPsPerToken: Double
    /// Datasheet bandwidth × MBU, × the 4-bit kernels' share for 4-bit weights.
    let bandwidthPerDevice: Double
    /// Peak × MFU, × the FP4 GEMMs' share where they run in FP4.
    let computePerDevice: Double
    let linkBytesPerSecond: Double
    /// The context the mean decode step attends to, and its FLOPs per token.
    let decodeContext: (attended: Double, flopsPerToken: Double)
    let experts: (split: (routed: Double, dense: Double)?, activeParameters: Double)

    /// Borrows the setup and keeps one copy of it (an owned argument would be copied by the caller,
    /// then again here).
    init(setup: borrowing ServingSetup, efficiency: ServingEfficiency) {
        self.setup = copy setup
        self.efficiency = efficiency
        weightBytes = setup.model.weightBytes(at: setup.weightPrecision)
        experts = (setup.model.expertSplit, setup.model.routedActiveParameters)
        readsWholeWeights = experts.split == nil && !(setup.model.activeShare < 1)
        let uncached = setup.request.uncachedInputTokens
        prefillFLOPsPerToken = uncached > 0
            ? setup.model.prefillFLOPs(uncached: uncached, prompt: setup.request.inputTokens) / uncached
            : setup.model.decodeFLOPsPerToken(context: setup.request.inputTokens)
        let fourBitBandwidth = setup.weightPrecision.bytesPerWeight < 1 ? efficiency.fourBitBandwidthShare : 1
        bandwidthPerDevice = setup.accelerator.bandwidthTBps * 1e12 * efficiency.memoryBandwidthUtilization * fourBitBandwidth
        // The peak matrix multiplies run at. llama.cpp and MLX dequantize every format into their
        // own kernels (GGUF MMQ, Metal), never the FP8/FP4 tensor-core paths: the BF16 peak.
        let peak = switch setup.servingEngine {
        case .llamaCpp, .mlx: setup.accelerator.peak(for: .bf16)
        default: setup.accelerator.peak(for: setup.weightPrecision)
        }
        let fourBitCompute = peak.runsAt.isFourBitFloat ? efficiency.fourBitComputeShare : 1
        computePerDevice = peak.teraOpsPerSecond * 1e12 * efficiency.computeUtilization * fourBitCompute
        linkBytesPerSecond = setup.accelerator.interconnectGBps * 1e9
        let context = setup.request.meanDecodeContextTokens
        decodeContext = (setup.model.attendedContext(context), setup.model.decodeFLOPsPerToken(context: context))
    }
}

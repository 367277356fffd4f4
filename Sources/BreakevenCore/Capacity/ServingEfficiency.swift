/// The share of datasheet speed and memory a serving engine actually gets, with where each figure
/// comes from, so a report can list them as assumptions. Numbers and cases only: a trial copies it
/// with every estimate, and a copy retains nothing.
struct ServingEfficiency: Sendable, Hashable {
    /// Model bandwidth utilization (MBU): bytes moved per second over datasheet bandwidth, decode.
    var memoryBandwidthUtilization: Double
    var memoryBandwidthSource: EfficiencySource
    /// Model FLOPs utilization (MFU): useful FLOPs per second over the dense peak, prefill and
    /// compute-bound decode.
    var computeUtilization: Double
    var computeSource: EfficiencySource
    /// Share of each device's memory kept back for the runtime (context, activations, graphs, OS).
    var memoryReserveShare: Double
    var memoryReserveSource: EfficiencySource
    /// Time each step spends outside the GPU's arithmetic and memory traffic (scheduling, kernel
    /// launches, sampling) that the engine does not hide: it bounds small models at small batches.
    var stepOverheadSeconds: Double = 0
    var stepOverheadSource = EfficiencySource.none
    /// Share of the dense kernels' bandwidth and arithmetic that mixture-of-experts grouped GEMMs
    /// reach (few tokens per expert, routing, imbalance).
    var expertKernelShare: Double = 1
    /// Share of the bandwidth that dequantizing 4-bit weight kernels (GGUF Q4, AWQ, MXFP4 GEMV)
    /// reach, relative to 8- and 16-bit weights.
    var fourBitBandwidthShare: Double = 1
    /// Share of the FP4 peak that NVFP4/MXFP4 GEMMs reach, relative to the FP8 and BF16 ones.
    var fourBitComputeShare: Double = 1
    /// Where the three kernel shares come from.
    var kernelSource = EfficiencySource.none

    /// Scenario values replace the defaults; their source then reads "scenario".
    func applying(_ overrides: EfficiencyOverrides) -> ServingEfficiency {
        var result = self
        if let value = overrides.memoryBandwidthUtilization {
            result.memoryBandwidthUtilization = value
            result.memoryBandwidthSource = .scenario
        }
        if let value = overrides.computeUtilization {
            result.computeUtilization = value
            result.computeSource = .scenario
        }
        if let value = overrides.memoryReserveShare {
            result.memoryReserveShare = value
            result.memoryReserveSource = .scenario
        }
        if let value = overrides.stepOverheadMs {
            result.stepOverheadSeconds = value / 1000
            result.stepOverheadSource = .scenario
        }
        return result
    }

    /// Defaults per accelerator class: NVIDIA datacenter, AMD Instinct, NVIDIA consumer and
    /// workstation, Apple silicon, GB10. Each figure names its source: a published measurement
    /// with its arithmetic, or the ledger points marked `tuning` it was set from
    /// (`ValidationLedger`), which the accuracy claim reports apart from the held-out ones.
    /// (Built on each call, an estimate's first step: a few stores, with nothing to retain.)
    static func defaults(for acceleratorClass: AcceleratorClass) -> ServingEfficiency {
        var e: ServingEfficiency
        switch acceleratorClass {
        case .hopper, .blackwell, .ampere, .other:
            e = ServingEfficiency(memoryBandwidthUtilization: 0.51, memoryBandwidthSource: .datacenterBandwidth,
                                  computeUtilization: 0.50, computeSource: .datacenterCompute,
                                  memoryReserveShare: 0.10, memoryReserveSource: .vLLMReserve)
            e.expertKernelShare = 0.4
            e.fourBitComputeShare = 0.45
            e.kernelSource = .datacenterKernels
            if acceleratorClass == .other {
                e.memoryBandwidthSource = .unrecognisedBandwidth
                e.computeSource = .unrecognisedCompute
            }
        case .cdna:
            e = ServingEfficiency(memoryBandwidthUtilization: 0.35, memoryBandwidthSource: .instinctBandwidth,
                                  computeUtilization: 0.16, computeSource: .instinctCompute,
                                  memoryReserveShare: 0.10, memoryReserveSource: .vLLMReserve)
            e.expertKernelShare = 0.5
            e.fourBitComputeShare = 0.45
            e.kernelSource = .instinctKernels
        case .consumerRTX:
            e = ServingEfficiency(memoryBandwidthUtilization: 0.80, memoryBandwidthSource: .consumerBandwidth,
                                  computeUtilization: 0.70, computeSource: .consumerCompute,
                                  memoryReserveShare: 0.10, memoryReserveSource: .vLLMReserve)
            e.fourBitBandwidthShare = 0.72
            e.expertKernelShare = 0.5
            e.fourBitComputeShare = 0.45
            e.kernelSource = .consumerKernels
        case .appleSilicon:
            e = ServingEfficiency(memoryBandwidthUtilization: 0.72, memoryBandwidthSource: .appleBandwidth,
                                  computeUtilization: 0.70, computeSource: .appleCompute,
                                  memoryReserveShare: 0.25, memoryReserveSource: .appleReserve,
                                  stepOverheadSeconds: 0.003, stepOverheadSource: .appleOverhead)
        case .gb10:
            e = ServingEfficiency(memoryBandwidthUtilization: 0.65, memoryBandwidthSource: .gb10,
                                  computeUtilization: 0.50,
                                  computeSource: .gb10Compute,
                                  memoryReserveShare: 0.10, memoryReserveSource: .vLLMReserve)
            e.fourBitBandwidthShare = 0.9
            e.fourBitComputeShare = 0.45
            e.kernelSource = .gb10
        }
        return e
    }
}

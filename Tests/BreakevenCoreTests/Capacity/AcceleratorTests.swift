import Testing
@testable import BreakevenCore

@Suite struct AcceleratorTests {
    @Test(arguments: [
        ("h100-sxm", AcceleratorClass.hopper), ("NVIDIA H200 SXM", .hopper), ("gh200-96gb", .hopper), ("h20", .hopper),
        ("b200", .blackwell), ("gb200-nvl72", .blackwell), ("a100-80gb-sxm", .ampere),
        ("mi300x", .cdna), ("AMD Instinct MI325X", .cdna),
        ("rtx-4090", .consumerRTX), ("NVIDIA GeForce RTX 5090", .consumerRTX), ("l40s", .consumerRTX), ("a10g", .consumerRTX),
        ("mac-mini-m4-pro-64gb", .appleSilicon), ("MacBook Pro M3 Max", .appleSilicon), ("mac-studio-m2-ultra", .appleSilicon),
        ("dgx-spark", .gb10), ("asus-ascent-gx10-gb10", .gb10),
        ("tpu-v5e", .other), ("machine-learning-box", .other),
    ])
    func infersTheClassFromIdOrName(text: String, expected: AcceleratorClass) {
        #expect(AcceleratorClass(inferringFrom: text) == expected)
    }

    @Test func mapsCatalogGPUsAndOwnedMachines() {
        let h100 = Accelerator(Fixture.h100)
        #expect(h100.acceleratorClass == .hopper)
        #expect(h100.interconnectGBps == 450)
        #expect(h100.fp8TFLOPS == 1979)

        let mac = Accelerator(Fixture.macMiniM4)
        #expect(mac.acceleratorClass == .appleSilicon)
        #expect(mac.memoryGB == 16)
        #expect(mac.fp8TFLOPS == nil)

        // The class can be forced when the name says nothing.
        #expect(Accelerator(Fixture.h100, acceleratorClass: .other).acceleratorClass == .other)
    }

    @Test func weightFormatsWithoutANativePathComputeInBF16() {
        let h100 = Accelerator(Fixture.h100)
        #expect(h100.peak(for: .fp8) == (1979, .fp8))
        // Hopper has no 4-bit tensor-core path in serving engines: AWQ/GPTQ dequantize into BF16.
        #expect(h100.peak(for: .int4) == (989, .bf16))

        let a100 = Accelerator(id: "a100-80gb", name: "A100", acceleratorClass: .ampere, memoryGB: 80, bandwidthTBps: 2.039,
                               bf16TFLOPS: 312, int8TOPS: 624, int4TOPS: 1248)
        // No FP8 on Ampere: W8A16 at the BF16 peak; INT8 has its own; INT4 falls back to BF16.
        #expect(a100.peak(for: .fp8) == (312, .bf16))
        #expect(a100.peak(for: .int8) == (624, .int8))
        #expect(a100.peak(for: .int4) == (312, .bf16))

        let b200 = Accelerator(id: "b200", name: "B200", acceleratorClass: .blackwell, memoryGB: 180, bandwidthTBps: 8,
                               bf16TFLOPS: 2250, fp8TFLOPS: 4500, int4TOPS: 9000)
        // Blackwell computes NVFP4 natively.
        #expect(b200.peak(for: .int4) == (9000, .int4))
    }

    @Test func overridesReplaceDefaultsAndSayTheyCameFromTheScenario() throws {
        var setup = Fixture.setup(Fixture.llama31_8B, on: Fixture.h100, weights: .bf16, input: 100, output: 100)
        let defaults = try ReplicaCapacity.estimate(for: setup).efficiency
        #expect(defaults.memoryBandwidthUtilization == 0.51)
        #expect(defaults.computeUtilization == 0.50)
        #expect(defaults.memoryReserveShare == 0.10)
        #expect(defaults.memoryBandwidthSource.text.contains("perf-overview.md"))

        setup.efficiency = EfficiencyOverrides(memoryBandwidthUtilization: 0.8)
        let overridden = try ReplicaCapacity.estimate(for: setup).efficiency
        #expect(overridden.memoryBandwidthUtilization == 0.8)
        #expect(overridden.memoryBandwidthSource.text == "scenario")
        #expect(overridden.computeUtilization == 0.50)
        #expect(overridden.computeSource == defaults.computeSource)
    }

    @Test func everyClassHasSourcedDefaults() {
        for accelerator in AcceleratorClass.allCases {
            let defaults = ServingEfficiency.defaults(for: accelerator)
            #expect(defaults.memoryBandwidthUtilization > 0 && defaults.memoryBandwidthUtilization <= 1)
            #expect(defaults.computeUtilization > 0 && defaults.computeUtilization <= 1)
            #expect(defaults.memoryBandwidthSource.text.contains("https://"))
            #expect(defaults.computeSource.text.contains("https://"))
        }
    }
}

/// A family of accelerators that share a memory system, an interconnect and a software stack,
/// and so share default efficiencies (see `ServingEfficiency.defaults(for:)`).
public enum AcceleratorClass: String, Sendable, Hashable, CaseIterable {
    /// NVIDIA H100, H200, H800, H20, GH200: HBM3/3e, NVLink 4.
    case hopper
    /// NVIDIA B100, B200, B300, GB200, GB300: HBM3e, NVLink 5, native FP4.
    case blackwell
    /// NVIDIA A100, A800, A30: HBM2e, NVLink 3.
    case ampere
    /// AMD Instinct MI200/MI300 series: HBM, Infinity Fabric.
    case cdna = "amd_cdna"
    /// GeForce RTX and GDDR workstation or PCIe cards (RTX 6000 Ada, L40S, L4, A10, A40): no NVLink.
    case consumerRTX = "consumer_rtx"
    /// Apple silicon: unified LPDDR memory shared with the CPU, Metal.
    case appleSilicon = "apple_silicon"
    /// NVIDIA GB10 (DGX Spark and its OEM twins): 128 GB unified LPDDR5X, native FP4.
    case gb10
    /// Anything not recognised: datacenter defaults, named as such in the report.
    case other

    /// Whether the tensor cores compute 4-bit weights natively (W4A4, NVFP4). Elsewhere 4-bit
    /// weights are dequantized into BF16 matrix multiplies (W4A16: AWQ, GPTQ/Marlin, GGUF).
    var computesFourBitNatively: Bool { self == .blackwell || self == .gb10 }

    /// Bytes per second each device can send to its tensor-parallel peers, one direction.
    var interconnectGBps: Double {
        switch self {
        case .hopper: 450        // NVLink 4: 900 GB/s bidirectional (H100 datasheet)
        case .blackwell: 900     // NVLink 5: 1.8 TB/s bidirectional (B200 datasheet)
        case .ampere: 300        // NVLink 3: 600 GB/s bidirectional (A100 datasheet)
        case .cdna: 448          // MI300X: 7 Infinity Fabric links × 64 GB/s (AMD datasheet)
        case .consumerRTX, .other: 32  // PCIe 4.0 x16
        case .gb10: 25           // ConnectX-7 200 Gb/s between two units
        case .appleSilicon: 10   // Thunderbolt 5, 80 Gb/s
        }
    }

    /// Infers the class from a catalog id or name (`h100-sxm`, `NVIDIA GeForce RTX 4090`,
    /// `mac-mini-m4-pro-64gb`, `dgx-spark`); `.other` when nothing matches.
    init(inferringFrom text: String) {
        let tokens = text.lowercased().split { !$0.isLetter && !$0.isNumber }.map(String.init)
        func has(_ prefixes: String...) -> Bool {
            tokens.contains { token in prefixes.contains { token.hasPrefix($0) } }
        }
        func hasExactly(_ words: String...) -> Bool { tokens.contains { words.contains($0) } }

        if has("gb10") || hasExactly("spark") {
            self = .gb10
        } else if hasExactly("mac", "macbook", "imac", "apple", "m1", "m2", "m3", "m4", "m5") {
            self = .appleSilicon
        } else if has("mi100", "mi200", "mi210", "mi250", "mi300", "mi325", "mi350", "mi355", "instinct") {
            self = .cdna
        } else if has("b100", "b200", "b300", "gb200", "gb300") {
            self = .blackwell
        } else if has("h100", "h200", "h800", "gh200") || hasExactly("h20") {
            self = .hopper
        } else if has("a100", "a800") || hasExactly("a30") {
            self = .ampere
        } else if has("rtx", "geforce", "l40", "a6000", "a5000", "a4000") || hasExactly("l4", "a10", "a10g", "a40") {
            self = .consumerRTX
        } else {
            self = .other
        }
    }
}

/// The number format of weights or of the KV cache.
public enum Precision: String, Sendable, Hashable, Codable, CaseIterable {
    case bf16
    case fp8
    case int8
    case int4
    /// NVIDIA's 4-bit float (E2M1) with an FP8 scale on each 16 values: Blackwell tensor cores
    /// compute it natively (NVIDIA TensorRT Model Optimizer, "NVFP4").
    case nvfp4
    /// The OCP microscaling 4-bit float (E2M1) with an 8-bit power-of-two scale on each 32 values
    /// (OCP Microscaling Formats MX v1.0): gpt-oss ships in it; Blackwell and MI355X compute it natively.
    case mxfp4

    /// Bytes one weight occupies, block scales included.
    ///
    /// 4-bit formats cannot keep accuracy with one scale per channel, so every one in use carries
    /// block scales: NVFP4 an FP8 scale on each 16 weights (4.5 bits), MXFP4 an E8M0 scale on each
    /// 32 (4.25 bits), GGUF Q4_0 and MLC q4f16 an FP16 scale on each 32 (4.5 bits; AWQ/GPTQ with
    /// 128-weight groups: ≈4.25). 8-bit formats use one scale per tensor or channel: 8 bits.
    var bytesPerWeight: Double {
        switch self {
        case .bf16: 2
        case .fp8, .int8: 1
        case .int4, .nvfp4: 4.5 / 8
        case .mxfp4: 4.25 / 8
        }
    }

    /// Bytes one cached key or value element occupies: 8-bit caches with per-tensor or per-head
    /// scales (negligible); an NVFP4 cache keeps its 16-value block scales (TensorRT-LLM's NVFP4
    /// KV cache), MXFP4 its 32-value ones.
    var bytesPerCacheElement: Double {
        switch self {
        case .bf16: 2
        case .fp8, .int8: 1
        case .int4: 0.5
        case .nvfp4: 4.5 / 8
        case .mxfp4: 4.25 / 8
        }
    }

    /// A 4-bit floating-point format that tensor cores with an FP4 path compute directly.
    var isFourBitFloat: Bool { self == .nvfp4 || self == .mxfp4 }
}

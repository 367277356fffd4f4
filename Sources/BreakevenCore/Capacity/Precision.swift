/// The number format of weights or of the KV cache.
public enum Precision: String, Sendable, Hashable, Codable, CaseIterable {
    case bf16
    case fp8
    case int8
    case int4

    /// Bytes one weight occupies, block scales included.
    ///
    /// 4-bit formats cannot keep accuracy with one scale per channel, so every one in use carries
    /// block scales: NVFP4 puts an FP8 scale on each 16 weights, GGUF Q4_0 and MLC q4f16 an FP16
    /// scale on each 32, both 4.5 bits a weight (AWQ/GPTQ with 128-weight groups: ≈4.25).
    /// 8-bit formats use one scale per tensor or channel, which rounds to 8 bits.
    public var bytesPerWeight: Double {
        switch self {
        case .bf16: 2
        case .fp8, .int8: 1
        case .int4: 4.5 / 8
        }
    }

    /// Bytes one cached key or value element occupies (per-tensor or per-head scales: negligible).
    public var bytesPerCacheElement: Double {
        switch self {
        case .bf16: 2
        case .fp8, .int8: 1
        case .int4: 0.5
        }
    }
}

/// The shape of an open-weights transformer, as its config.json gives it: what the capacity
/// model needs to size memory and compute.
public struct OpenModelArchitecture: Sendable, Hashable, Decodable {
    /// e.g. `llama-3.1-70b`
    public var id: String
    public var name: String
    /// All parameters (weights read from memory; for mixture-of-experts, every expert).
    public var totalParameters: Double
    /// Parameters used per token (FLOPs); equals total for dense models.
    public var activeParameters: Double
    public var layers: Int
    public var hiddenSize: Int
    public var attentionHeads: Int
    /// Grouped-query attention: KV heads shared by several query heads.
    public var kvHeads: Int
    public var headDimension: Int
    /// Multi-head latent attention (DeepSeek-V2/V3, Kimi K2): the values cached per layer and
    /// token, kv_lora_rank + qk_rope_head_dim (512 + 64 for DeepSeek-V3), in place of K and V
    /// for every KV head; nil for grouped-query attention.
    public var latentKVValues: Int?
    /// Mixture of experts: routed experts per MoE layer and how many each token uses (config.json
    /// `num_experts`/`n_routed_experts`/`num_local_experts` and `num_experts_per_tok`); nil for a
    /// dense model or where unknown.
    public var experts: Int?
    public var expertsPerToken: Int?
    /// The format the weights are published in (BF16 for most; FP8 for DeepSeek-V3/R1 and Kimi K2;
    /// MXFP4 for gpt-oss): the default `precision` of a derived throughput.
    public var nativePrecision: Precision?
    /// Sliding-window attention (gpt-oss: `sliding_window` 128 on every other layer, `layer_types`):
    /// the window in tokens and how many layers use it; those layers keep and read at most the
    /// window's keys and values. nil where every layer attends to the whole context.
    public var slidingWindow: Int?
    public var slidingWindowLayers: Int?
    public var contextLength: Int
    public var license: String
    public var source: String
    /// When `source` was read; nil when not recorded.
    public var retrievedOn: CalendarDay?

    public init(id: String, name: String, totalParameters: Double, activeParameters: Double, layers: Int,
                hiddenSize: Int, attentionHeads: Int, kvHeads: Int, headDimension: Int, latentKVValues: Int? = nil,
                experts: Int? = nil, expertsPerToken: Int? = nil, nativePrecision: Precision? = nil, slidingWindow: Int? = nil,
                slidingWindowLayers: Int? = nil, contextLength: Int, license: String, source: String, retrievedOn: CalendarDay? = nil) {
        self.id = id
        self.name = name
        self.totalParameters = totalParameters
        self.activeParameters = activeParameters
        self.layers = layers
        self.hiddenSize = hiddenSize
        self.attentionHeads = attentionHeads
        self.kvHeads = kvHeads
        self.headDimension = headDimension
        self.latentKVValues = latentKVValues
        self.experts = experts
        self.expertsPerToken = expertsPerToken
        self.nativePrecision = nativePrecision
        self.slidingWindow = slidingWindow
        self.slidingWindowLayers = slidingWindowLayers
        self.contextLength = contextLength
        self.license = license
        self.source = source
        self.retrievedOn = retrievedOn
    }
}

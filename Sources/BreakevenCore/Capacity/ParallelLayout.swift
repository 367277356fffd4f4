/// How a replica spreads a model over its devices.
public struct ParallelLayout: Sendable, Hashable, CustomStringConvertible {
    public enum Kind: String, Sendable, Hashable, CaseIterable {
        /// Every weight split across the devices (Megatron-LM): two all-reduces per layer.
        case tensor
        /// Experts placed whole, attention replicated with each device serving its own requests
        /// (attention data parallel, DeepSeek-V3 / SGLang `--enable-dp-attention`, TensorRT-LLM
        /// `enable_attention_dp`): no KV head is replicated, an all-to-all per MoE layer.
        case expertDataAttention = "expert_data_attention"
    }

    public var kind: Kind
    public var devices: Int

    init(_ kind: Kind, devices: Int) {
        self.kind = kind
        self.devices = devices
    }

    public static func tensor(_ devices: Int) -> ParallelLayout { ParallelLayout(.tensor, devices: devices) }

    /// "TP4", "EP8", "EP8 + DP attention".
    public var description: String {
        switch kind {
        case .tensor: "TP\(devices)"
        case .expertDataAttention: "EP\(devices) + DP attention"
        }
    }
}

/// Which layouts a replica may take when the scenario does not fix one.
public enum LayoutChoice: String, Sendable, Hashable, CaseIterable {
    /// Every layout the model allows: tensor parallel, and for a mixture of experts the
    /// expert-parallel ones too.
    case auto
    case tensor
    case expertDataAttention = "expert_data_attention"

    func allows(_ kind: ParallelLayout.Kind) -> Bool {
        switch self {
        case .auto: true
        case .tensor: kind == .tensor
        case .expertDataAttention: kind == .expertDataAttention
        }
    }
}

/// The serving engine a replica runs: each caps the requests it decodes together at a documented
/// default unless the scenario sets `max_concurrency`.
public enum ServingEngine: String, Sendable, Hashable, Codable, CaseIterable {
    case vllm
    case sglang
    case tensorRTLLM = "tensorrt-llm"
    case llamaCpp = "llama.cpp"
    case mlx

    /// Requests in flight at once by default; nil where memory alone decides.
    var defaultMaxConcurrency: Int? {
        switch self {
        case .vllm: 256
        case .sglang: nil
        case .tensorRTLLM: 2048
        case .llamaCpp: 4
        case .mlx: 32
        }
    }

    /// Where the default comes from.
    var concurrencySource: String {
        switch self {
        case .vllm:
            "vLLM's max_num_seqs defaults to 256 sequences per iteration (https://docs.vllm.ai/en/latest/configuration/engine_args.html)"
        case .sglang:
            "SGLang's max_running_requests defaults to None: the KV cache pool sizes it (https://docs.sglang.ai/advanced_features/server_arguments.html)"
        case .tensorRTLLM:
            "TensorRT-LLM's max_batch_size defaults to 2,048 (tensorrt_llm/llmapi/llm_args.py, https://nvidia.github.io/TensorRT-LLM/)"
        case .llamaCpp:
            "llama-server starts 4 slots with a unified KV cache by default, -np -1 = auto (https://github.com/ggml-org/llama.cpp/pull/16736)"
        case .mlx:
            "mlx_lm.server batches up to --decode-concurrency 32 sequences (https://github.com/cubist38/mlx-openai-server/pull/285, mirroring mlx-lm's server)"
        }
    }

    /// The engine assumed when the scenario names none: llama.cpp on Apple silicon (Metal), vLLM
    /// on every GPU (the most deployed open-source server).
    static func assumed(for acceleratorClass: AcceleratorClass) -> ServingEngine {
        acceleratorClass == .appleSilicon ? .llamaCpp : .vllm
    }
}

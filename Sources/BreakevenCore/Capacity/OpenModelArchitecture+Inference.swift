import Foundation

/// What serving a model costs in bytes and FLOPs, from its config alone. Parameter counts come
/// from the catalog (the model card), never re-derived from layer shapes: that is where
/// llm-analysis counts the MLP as 2·d·d_ff and misses SwiGLU's third matrix.
extension OpenModelArchitecture {
    /// Weights held in memory: every parameter, every expert, at the format's bytes per weight
    /// (4-bit counted with its block scales; llm-analysis's `BYTES_INT4 = 4 // 8` rounds to 0).
    func weightBytes(at precision: Precision) -> Double {
        totalParameters * precision.bytesPerWeight
    }

    /// KV cache per token: 2 (K and V) × layers × KV heads × head dimension × bytes per element.
    /// KV heads, not query heads: under grouped-query attention counting query heads overstates
    /// a Llama-3 cache 4× (8B: 32 vs 8 heads) to 8× (70B: 64 vs 8). Under multi-head latent
    /// attention one compressed vector per layer stands for every head's K and V: layers ×
    /// latent values × bytes (DeepSeek-V2 paper, table 1: (d_c + d_h^R)·l elements per token).
    func kvCacheBytesPerToken(at precision: Precision) -> Double {
        if let latent = latentKVValues { return Double(layers) * Double(latent) * precision.bytesPerCacheElement }
        return 2 * Double(layers) * Double(kvHeads) * Double(headDimension) * precision.bytesPerCacheElement
    }

    /// KV cache per token across a tensor-parallel replica: each device keeps whole KV heads, so
    /// with more devices than KV heads the heads are replicated (vLLM; llm-analysis
    /// `num_heads_per_gpu = max(kv_heads / tp, 1)`). A latent cache belongs to no head: every
    /// device keeps all of it (vLLM's MLA backends under tensor parallelism), as if one KV head.
    func kvCacheBytesPerToken(at precision: Precision, tensorParallel: Int) -> Double {
        if latentKVValues != nil { return kvCacheBytesPerToken(at: precision) * Double(tensorParallel) }
        let headsPerDevice = (kvHeads + tensorParallel - 1) / tensorParallel
        let storedHeads = Double(headsPerDevice * tensorParallel)
        return kvCacheBytesPerToken(at: precision) * storedHeads / Double(kvHeads)
    }

    /// Share of the active parameters among all: 1 for a dense model.
    var activeShare: Double { min(1, activeParameters / totalParameters) }

    /// The routed experts' parameters, all layers, and the rest (attention, embeddings, router,
    /// shared experts) that every token uses. With E experts of which k are active per token,
    /// total = dense + E·e and active = dense + k·e, so e = (total − active) / (E − k). Nil for a
    /// dense model or one whose expert counts are unknown.
    var expertSplit: (routed: Double, dense: Double)? {
        guard let e = experts, let k = expertsPerToken, e > k, k > 0, activeParameters < totalParameters else { return nil }
        let perExpert = (totalParameters - activeParameters) / Double(e - k)
        let routed = min(totalParameters, perExpert * Double(e))
        return (routed, totalParameters - routed)
    }

    /// Routed-expert parameters one token uses: k experts of (total − active) / (E − k) each.
    var routedActiveParameters: Double {
        guard let e = experts, let k = expertsPerToken, expertSplit != nil else { return 0 }
        return (totalParameters - activeParameters) / Double(e - k) * Double(k)
    }

    /// Share of the routed experts `tokens` tokens touch in one step: E·(1 − (1 − k/E)^B) of E
    /// experts (the occupancy expectation for B tokens each choosing k of E uniformly).
    func touchedExpertShare(tokens: Double) -> Double {
        guard let e = experts, let k = expertsPerToken, e > 0 else { return 1 }
        return 1 - pow(1 - min(1, Double(k) / Double(e)), max(tokens, 1))
    }

    /// Share of the weights one step reads when `tokens` tokens pass through it: the dense part
    /// always, the routed experts as far as the tokens touch them. Without expert counts, the
    /// active share p stands in for k/E over all weights (1 − (1 − p)^B), which errs towards
    /// more bytes. Dense: always 1.
    func touchedWeightShare(tokens: Double) -> Double {
        if let split = expertSplit {
            return (split.dense + split.routed * touchedExpertShare(tokens: tokens)) / totalParameters
        }
        let p = activeShare
        guard p < 1 else { return 1 }
        return 1 - pow(1 - p, max(tokens, 1))
    }

    /// Attention FLOPs for one token attending to `context` earlier tokens: QKᵀ and score·V,
    /// 2 FLOPs per multiply-add each, over all query heads: 4 × layers × heads × head dim × context.
    func attentionFLOPs(context: Double) -> Double {
        4 * Double(layers) * Double(attentionHeads) * Double(headDimension) * context
    }

    /// One decode token: 2 FLOPs per active parameter (Kaplan et al. 2020, "2N") plus attention
    /// over the context (the window, in sliding-window layers).
    func decodeFLOPsPerToken(context: Double) -> Double {
        2 * activeParameters + attentionFLOPs(context: attendedContext(context))
    }

    /// The context the average layer keeps and attends to: the whole of it in full-attention
    /// layers, at most the window in sliding-window ones (gpt-oss: half the layers, 128 tokens).
    /// KV cache bytes and attention work scale with it.
    func attendedContext(_ context: Double) -> Double {
        guard let window = slidingWindow, let sliding = slidingWindowLayers, sliding > 0, layers > 0 else { return context }
        let share = min(1, Double(sliding) / Double(layers))
        return context * (1 - share) + min(context, Double(window)) * share
    }

    /// Prefill of the last `uncached` tokens of a `prompt`-token prompt (the rest come from the
    /// prefix cache): 2 × active parameters per token, plus causal attention in which token i
    /// attends to i tokens, summed over the uncached ones: Σ i ≈ uncached × (prompt − uncached / 2).
    func prefillFLOPs(uncached: Double, prompt: Double) -> Double {
        2 * activeParameters * uncached + attentionFLOPs(context: uncached * (prompt - uncached / 2))
    }
}

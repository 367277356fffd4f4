/// A pricing rule a provider documents that the community price files do not carry: a default
/// cache discount, what its batch API costs, whether batch and cache discounts stack. Applied to a
/// catalog price only where the price leaves the figure out; every use is named in the price's source.
struct ProviderPriceRule: Sendable, Hashable {
    enum Effect: Sendable, Hashable {
        /// Cache reads cost this share of the input price when the price gives no cache-read price.
        case cachedInputShare(Double)
        /// The batch API bills (1 − discount) × the standard prices when the price gives no batch
        /// price. `stacksWithCaching`: the same discount applies to cache reads and writes (else
        /// cached batch tokens pay the standard cache price, as LiteLLM and genai-prices fall back).
        case batch(discount: Double, stacksWithCaching: Bool)
    }

    /// Provider ids as the catalog spells them (LiteLLM's and genai-prices' ids differ).
    var providers: Set<String>
    /// Only these models (the id after `provider/`, compared case-insensitively); nil: every model.
    var models: Set<String>?
    var effect: Effect
    /// Where the provider documents it, with the words that say so.
    var source: String

    init(providers: Set<String>, models: Set<String>? = nil, effect: Effect, source: String) {
        self.providers = providers
        self.models = models
        self.effect = effect
        self.source = source
    }

    func applies(to price: ModelPrice) -> Bool {
        guard providers.contains(price.provider) else { return false }
        guard let models else { return true }
        let name = price.id.hasPrefix(price.provider + "/") ? String(price.id.dropFirst(price.provider.count + 1)) : price.id
        return models.contains { $0.lowercased() == name.lowercased() }
    }
}

/// The table of provider rules, read in order: for each kind of effect the first rule that applies wins.
public enum ProviderPriceRules {
    static let together: Set<String> = ["together_ai", "together"]

    static let table: [ProviderPriceRule] = [
        ProviderPriceRule(providers: ["fireworks_ai", "fireworks"], effect: .cachedInputShare(0.5),
            source: "https://docs.fireworks.ai/guides/prompt-caching: \"cached prompt tokens are discounted compared to regular prompt tokens. The default discount is 50%\""),
        ProviderPriceRule(providers: ["fireworks_ai", "fireworks"], effect: .batch(discount: 0.5, stacksWithCaching: false),
            source: "https://docs.fireworks.ai/serverless/pricing: \"Batch inference is billed at 50% of serverless pricing on both input and output\""),
        ProviderPriceRule(providers: ["anthropic"], effect: .batch(discount: 0.5, stacksWithCaching: true),
            source: "https://platform.claude.com/docs/en/build-with-claude/batch-processing#pricing: batches at 50% of standard prices; prompt caching multipliers stack with the batch discount"),
        ProviderPriceRule(providers: ["openai"], effect: .batch(discount: 0.5, stacksWithCaching: false),
            source: "https://platform.openai.com/docs/guides/batch: \"50% cost discount compared to synchronous APIs\""),
        ProviderPriceRule(providers: ["google", "gemini", "vertex_ai-language-models"], effect: .batch(discount: 0.5, stacksWithCaching: false),
            source: "https://docs.cloud.google.com/vertex-ai/generative-ai/docs/multimodal/batch-prediction-gemini: \"Batch processing is offered at a 50% discounted rate … the discounts for cache and batch don't stack\""),
        ProviderPriceRule(providers: together,
            models: ["meta-llama/Llama-3.3-70B-Instruct-Turbo", "meta-llama/Llama-3-70b-chat-hf", "Qwen/Qwen2.5-7B-Instruct-Turbo",
                     "mistralai/Mixtral-8x7B-Instruct-v0.1", "zai-org/GLM-4.5-Air-FP8"],
            effect: .batch(discount: 0.5, stacksWithCaching: false),
            source: "https://docs.together.ai/docs/inference/batch/overview: \"Selected serverless models run at 50% off batch rates\""),
        ProviderPriceRule(providers: together, effect: .batch(discount: 0, stacksWithCaching: false),
            source: "https://docs.together.ai/docs/inference/batch/overview: \"Models not listed run at standard rates\""),
    ]

    /// The first rule of each kind that applies to the price.
    static func rules(for price: ModelPrice) -> (cached: ProviderPriceRule?, batch: ProviderPriceRule?) {
        var cached: ProviderPriceRule?, batch: ProviderPriceRule?
        for rule in table where rule.applies(to: price) {
            switch rule.effect {
            case .cachedInputShare: if cached == nil { cached = rule }
            case .batch: if batch == nil { batch = rule }
            }
        }
        return (cached, batch)
    }

    /// The price with what the provider's rules say filled into the figures it leaves out; each rule
    /// used is appended to the price's source.
    public static func applied(to price: ModelPrice) -> ModelPrice {
        var p = price
        let rules = rules(for: price)
        var notes: [String] = []
        if let rule = rules.cached, case .cachedInputShare(let share) = rule.effect, p.cachedInputPerMTok == nil {
            p.cachedInputPerMTok = p.inputPerMTok * share
            p.longContext = p.longContext.map { t in
                var t = t
                t.cachedInputPerMTok = t.cachedInputPerMTok ?? t.inputPerMTok * share
                return t
            }
            notes.append("cached input at \(percent(share)) of input (provider rule, \(rule.source))")
        }
        if let rule = rules.batch, case .batch(let discount, let stacks) = rule.effect {
            let factor = 1 - discount
            var filled: [String] = []
            if p.batchInputPerMTok == nil {
                p.batchInputPerMTok = p.inputPerMTok * factor
                p.batchOutputPerMTok = p.batchOutputPerMTok ?? p.outputPerMTok * factor
                filled.append("batch at \(percent(factor)) of standard")
            }
            if stacks {
                // The batch discount applies to cache reads and writes as well.
                let ratio = p.inputPerMTok > 0 ? (p.batchInputPerMTok ?? 0) / p.inputPerMTok : factor
                if p.batchCachedInputPerMTok == nil, let cached = p.cachedInputPerMTok {
                    p.batchCachedInputPerMTok = cached * ratio
                    filled.append("batch cache reads")
                }
                if p.batchCacheWritePerMTok == nil, let write = p.cacheWritePerMTok {
                    p.batchCacheWritePerMTok = write * ratio
                    filled.append("batch cache writes")
                }
                if p.batchCacheWrite1hPerMTok == nil, let write = p.cacheWrite1hPerMTok {
                    p.batchCacheWrite1hPerMTok = write * ratio
                }
            }
            if !filled.isEmpty {
                notes.append(filled.joined(separator: ", ") + (stacks && filled.count > 1 ? " (discounts stack)" : "")
                    + " (provider rule, \(rule.source))")
            }
        }
        if !notes.isEmpty { p.source += "; " + notes.joined(separator: "; ") }
        return p
    }

    private static func percent(_ share: Double) -> String {
        NumberBounds.format(share * 100) + "%"
    }
}

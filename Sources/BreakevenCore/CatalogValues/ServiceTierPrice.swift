/// The prices of a model under another service tier than the standard one (OpenAI and Gemini
/// `flex`/`priority`, LiteLLM `*_flex`/`*_priority`, genai-prices `price_variants` on `service_tier`).
/// A price the tier does not list is the standard one, as both files fall back.
public struct ServiceTierPrice: Sendable, Hashable, Codable {
    /// `flex`, `priority`, `scale`…
    public var tier: String
    public var inputPerMTok: Double
    public var cachedInputPerMTok: Double?
    public var cacheWritePerMTok: Double?
    public var outputPerMTok: Double

    public init(tier: String, inputPerMTok: Double, cachedInputPerMTok: Double? = nil, cacheWritePerMTok: Double? = nil,
                outputPerMTok: Double) {
        self.tier = tier
        self.inputPerMTok = inputPerMTok
        self.cachedInputPerMTok = cachedInputPerMTok
        self.cacheWritePerMTok = cacheWritePerMTok
        self.outputPerMTok = outputPerMTok
    }

    /// The tiers the scenario language names (`service_tier`); `standard` is the price itself.
    public static let names = ["standard", "flex", "priority", "scale"]
}

/// A dated catalog offer of a kind the catalog stores generically: its numbers and words under
/// the language's own key names, so that a new option kind's offers (provisioned capacity, say)
/// need no table or record type of their own, only entries.
public struct CatalogOffer: Sendable, Hashable, Codable {
    /// The option kind whose keys the entry's values fill: "provisioned".
    public var kind: String
    public var id: String
    public var provider: String
    public var effectiveFrom: CalendarDay
    /// Numbers by key name: `unit_price_per_hour`, `input_tokens_per_minute_per_unit`.
    public var values: [String: Double]
    /// Words by key name: `model`.
    public var words: [String: String]
    public var source: String

    public init(kind: String, id: String, provider: String, effectiveFrom: CalendarDay, values: [String: Double],
                words: [String: String] = [:], source: String) {
        self.kind = kind
        self.id = id
        self.provider = provider
        self.effectiveFrom = effectiveFrom
        self.values = values
        self.words = words
        self.source = source
    }
}

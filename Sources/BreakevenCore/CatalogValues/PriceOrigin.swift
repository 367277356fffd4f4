/// Where a catalog price came from, and which source wins when several give one model's prices.
///
/// Precedence, highest first: the built-in seed (read by hand from the providers' pages), then
/// genai-prices (curated, with dated changes), then LiteLLM (broadest, with batch and service-tier
/// prices). A lower source never replaces a higher one's prices for the same period; it only fills
/// what the higher one leaves out (batch, cache writes, service tiers…) when both agree on the input
/// and output prices. A dated change a source states (genai-prices `start_date`) is a new period,
/// whatever its rank.
public enum PriceOrigin: String, Sendable, Hashable, Codable, CaseIterable {
    case seed
    case genAIPrices = "genai-prices"
    case liteLLM = "litellm"

    /// Higher wins.
    public var rank: Int {
        switch self {
        case .seed: 3
        case .genAIPrices: 2
        case .liteLLM: 1
        }
    }

    /// How `catalog show` names it.
    public var name: String {
        switch self {
        case .seed: "the built-in seed"
        case .genAIPrices: "genai-prices"
        case .liteLLM: "LiteLLM"
        }
    }

    /// `seed > genai-prices > LiteLLM`
    public static let precedenceText = PriceOrigin.allCases.sorted { $0.rank > $1.rank }.map(\.name)
        .joined(separator: " > ").replacingOccurrences(of: "the built-in seed", with: "seed")
}

/// How a price's start date was found.
public enum PriceDating: String, Sendable, Hashable, Codable, CaseIterable {
    /// The source states it (a genai-prices `start_date`, a release or announcement in the seed).
    case stated
    /// The source states none: the price is taken as in force from the file's own date.
    case fileDate = "file date"
    /// The source states none and the file no date: in force from the day it was imported.
    case importDate = "import date"
    /// The price before a stated change, start not stated: in force from the catalog's earliest day,
    /// as genai-prices applies it to every earlier request.
    case beforeChange = "before a dated change"
}

import BreakevenCore
import Foundation

/// LiteLLM's `model_prices_and_context_window.json`: an object of entries keyed by model name,
/// each with `litellm_provider`, `mode` and prices in USD per token.
///
/// Read: `input_cost_per_token`, `output_cost_per_token`, `cache_read_input_token_cost` (or
/// `input_cost_per_token_cache_hit`), `cache_creation_input_token_cost` and its 1-hour variant
/// `…_above_1hr`, the `_batches` prices (cache reads and writes included), the `_flex` and
/// `_priority` service tiers, `input_cost_per_request`, the long-context cliffs
/// `<price>_above_<N>k_tokens` and the range tiers of `tiered_pricing`, as LiteLLM's
/// `generic_cost_per_token` and `batch_cost_calculator` (litellm 1.110.2) read them. Only modes
/// `chat` and `completion` are imported; every other entry is skipped and counted by reason.
/// Audio/image prices, tier-specific cliffs (`…_above_200k_tokens_priority`) and
/// `off_peak_pricing` (weekday windows the catalog cannot express) are not read. A cliff whose
/// threshold is beyond 100 million tokens is skipped and counted; a price above what any provider
/// charges refuses the file, naming its line, column and key.
enum LiteLLMPriceFile {
    static let formatName = "LiteLLM model_prices_and_context_window.json"

    static func parse(_ data: Data, named name: String, observedOn: CalendarDay) throws -> ParsedPriceFile {
        let file = try PriceFileDecoding.decode(TopLevel.self, from: data, named: name)
        var parsed = ParsedPriceFile(entries: file.entries.count)
        for (key, entry) in file.entries.sorted(by: { $0.key < $1.key }) {
            if let (path, value, unit) = entry.overLargePrice {
                throw PriceFileLocator.overLargePrice(value, unit: unit, at: [.key(key)] + path, in: data, file: name)
            }
            for _ in entry.outOfRangeCliffs {
                parsed.skip("long-context key with a threshold beyond 100,000,000 tokens (the key is skipped, the entry kept)")
            }
        }

        // Several keys can name one model (`deepseek-chat` and `deepseek/deepseek-chat`): keep the
        // key already written `provider/model`, else the first in sorted order.
        var chosen: [String: (key: String, observation: PriceObservation)] = [:]
        for (key, entry) in file.entries.sorted(by: { $0.key < $1.key }) {
            switch observation(key: key, entry: entry, observedOn: observedOn) {
            case let .skip(reason):
                parsed.skip(reason)
            case let .price(observation):
                let id = observation.price.id
                if let previous = chosen[id] {
                    parsed.skip("another key names the same model")
                    if previous.key != id && key == id { chosen[id] = (key, observation) }
                } else {
                    chosen[id] = (key, observation)
                }
            }
        }
        parsed.observations = chosen.keys.sorted().map { chosen[$0]!.observation }
        return parsed
    }

    enum Outcome {
        case price(PriceObservation)
        case skip(String)
    }

    static func observation(key: String, entry: Entry, observedOn: CalendarDay) -> Outcome {
        if key == "sample_spec" { return .skip("sample_spec (describes the format)") }
        guard entry.isObject else { return .skip("not an object") }
        if entry.isAlias { return .skip("alias of another entry") }
        guard let mode = entry.mode else { return .skip("no mode") }
        guard mode == "chat" || mode == "completion" else { return .skip("mode \(mode)") }
        guard let provider = entry.provider, !provider.isEmpty else { return .skip("no litellm_provider") }
        guard ParsedPriceFile.isUsableName(provider), ParsedPriceFile.isUsableName(key) else {
            return .skip("key or litellm_provider empty or with control characters")
        }
        guard entry.unreadablePrices.isEmpty else { return .skip("price that is not a number") }
        guard entry.prices.values.allSatisfy({ $0.isFinite && $0 >= 0 }) else { return .skip("negative price") }

        let perMillion = { (usdPerToken: Double) in usdPerToken * 1_000_000 }
        let p = entry.prices
        let cached = p["cache_read_input_token_cost"] ?? p["input_cost_per_token_cache_hit"]
        var input: Double, output: Double, cachedInput = cached
        var tiers: [LongContextTier] = []

        if let i = p["input_cost_per_token"], let o = p["output_cost_per_token"] {
            (input, output) = (i, o)
            // `<price>_above_200k_tokens`: the whole request pays these once its prompt exceeds 200,000 tokens;
            // a price the cliff does not list stays at its base value (LiteLLM falls back the same way; the
            // engine falls back for cache writes).
            tiers = entry.cliffs.keys.sorted().map { threshold in
                let cliff = entry.cliffs[threshold]!
                return LongContextTier(aboveInputTokens: threshold,
                                       inputPerMTok: perMillion(cliff["input_cost_per_token"] ?? i),
                                       outputPerMTok: perMillion(cliff["output_cost_per_token"] ?? o),
                                       cachedInputPerMTok: (cliff["cache_read_input_token_cost"] ?? cached).map(perMillion),
                                       cacheWritePerMTok: cliff["cache_creation_input_token_cost"].map(perMillion),
                                       cacheWrite1hPerMTok: cliff["cache_creation_input_token_cost_above_1hr"].map(perMillion))
            }
        } else if let ranges = entry.rangePrices, let base = ranges.first, base.start == 0,
                  Set(ranges.map(\.start)).count == ranges.count {
            // `tiered_pricing`: [{range: [0, 256000], …}, {range: [256000, 1000000], …}] — a prompt
            // in a higher range pays that range's prices for the whole request.
            (input, output, cachedInput) = (base.input, base.output, base.cachedInput)
            tiers = ranges.dropFirst().map {
                LongContextTier(aboveInputTokens: $0.start, inputPerMTok: perMillion($0.input), outputPerMTok: perMillion($0.output),
                                cachedInputPerMTok: $0.cachedInput.map(perMillion), cacheWritePerMTok: $0.cacheWrite.map(perMillion))
            }
        } else {
            return .skip("no input and output price per token")
        }

        // `_flex` / `_priority`: a tier exists when it prices input; what it leaves out is the standard price.
        let serviceTiers = ["flex", "priority"].compactMap { tier -> ServiceTierPrice? in
            guard let tierInput = p["input_cost_per_token_\(tier)"] else { return nil }
            return ServiceTierPrice(tier: tier, inputPerMTok: perMillion(tierInput),
                                    cachedInputPerMTok: p["cache_read_input_token_cost_\(tier)"].map(perMillion),
                                    cacheWritePerMTok: p["cache_creation_input_token_cost_\(tier)"].map(perMillion),
                                    outputPerMTok: perMillion(p["output_cost_per_token_\(tier)"] ?? output))
        }
        // Batch prices as batch_cost_calculator (litellm 1.110.2) bills them once an entry has a batch input
        // price: no batch output price is half the output price (`_batch_or_half`); writes without a batch
        // write price are billed as batch input, and 1-hour writes at the batch write price.
        let batchInput = p["input_cost_per_token_batches"]
        let batchOutput = p["output_cost_per_token_batches"] ?? batchInput.map { _ in output / 2 }
        let batchWrite = p["cache_creation_input_token_cost_batches"] ?? batchInput
        let batchWrite1h = p["cache_creation_input_token_cost_above_1hr_batches"] ?? batchInput.flatMap { _ in batchWrite }
        let price = ModelPrice(
            id: modelID(key: key, provider: provider), provider: provider, effectiveFrom: observedOn,
            inputPerMTok: perMillion(input), cachedInputPerMTok: cachedInput.map(perMillion),
            cacheWritePerMTok: p["cache_creation_input_token_cost"].map(perMillion),
            cacheWrite1hPerMTok: p["cache_creation_input_token_cost_above_1hr"].map(perMillion), outputPerMTok: perMillion(output),
            batchInputPerMTok: batchInput.map(perMillion), batchOutputPerMTok: batchOutput.map(perMillion),
            batchCachedInputPerMTok: p["cache_read_input_token_cost_batches"].map(perMillion),
            batchCacheWritePerMTok: batchWrite.map(perMillion), batchCacheWrite1hPerMTok: batchWrite1h.map(perMillion),
            perRequest: p["input_cost_per_request"], longContext: tiers, timeOfDay: [], serviceTiers: serviceTiers,
            contextWindow: ModelPrice.contextWindow(entry.maxInputTokens),
            source: "\(formatName) entry \"\(key)\"" + (entry.source.map { "; \($0)" } ?? ""))
        return .price(PriceObservation(price: price, dating: .observed(observedOn)))
    }

    /// `provider/model` from a LiteLLM key: `gpt-4o` (openai) → `openai/gpt-4o`;
    /// `together_ai/meta-llama/…` stays as it is; a routing prefix that abbreviates the provider
    /// (`vertex_ai/claude-haiku-4-5` under `vertex_ai-anthropic_models`) is replaced by the provider.
    static func modelID(key: String, provider: String) -> String {
        if key.hasPrefix(provider + "/") { return key }
        if let slash = key.firstIndex(of: "/") {
            let prefix = normalized(String(key[..<slash]))
            if normalized(provider).hasPrefix(prefix) {
                return provider + "/" + key[key.index(after: slash)...]
            }
        }
        return provider + "/" + key
    }

    private static func normalized(_ name: String) -> String {
        name.lowercased().replacingOccurrences(of: "-", with: "_")
    }

    // MARK: - Decoding

    struct TopLevel: Decodable {
        var entries: [String: Entry]

        init(from decoder: any Decoder) throws {
            let container: KeyedDecodingContainer<AnyCodingKey>
            do {
                container = try decoder.container(keyedBy: AnyCodingKey.self)
            } catch {
                throw DecodingError.typeMismatch([String: Entry].self, .init(
                    codingPath: [], debugDescription: "expected a JSON object of model entries at the top level"))
            }
            var entries: [String: Entry] = [:]
            for key in container.allKeys {
                entries[key.stringValue] = try container.decode(Entry.self, forKey: key)
            }
            self.entries = entries
        }
    }

    /// The parts of an entry the catalog reads; a field of the wrong type never fails the file,
    /// it makes the entry skip.
    struct Entry: Decodable {
        var isObject = true
        var isAlias = false
        var mode: String?
        var provider: String?
        var maxInputTokens: Int?
        var source: String?
        /// USD per token (per request for `input_cost_per_request`), by field name.
        var prices: [String: Double] = [:]
        /// Long-context cliffs: threshold in tokens → field name → USD per token.
        var cliffs: [Int: [String: Double]] = [:]
        var rangePrices: [RangePrice]?
        var unreadablePrices: [String] = []

        /// Set when a price is above what any provider charges: the key path below the entry, the value, its unit.
        var overLargePrice: ([PriceFileLocator.Step], Double, PriceFileLocator.PriceUnit)?
        /// Cliff keys whose threshold is beyond any context window (skipped and counted).
        var outOfRangeCliffs: [String] = []

        private static let tierFields = ["input_cost_per_token", "output_cost_per_token", "cache_read_input_token_cost",
                                         "cache_creation_input_token_cost"]
        private static let priceFields: Set<String> = Set([
            "input_cost_per_token", "output_cost_per_token", "cache_read_input_token_cost", "input_cost_per_token_cache_hit",
            "cache_creation_input_token_cost", "cache_creation_input_token_cost_above_1hr", "input_cost_per_token_batches",
            "output_cost_per_token_batches", "cache_read_input_token_cost_batches", "cache_creation_input_token_cost_batches",
            "cache_creation_input_token_cost_above_1hr_batches", "input_cost_per_request",
        ] + ["flex", "priority"].flatMap { tier in tierFields.map { "\($0)_\(tier)" } })
        /// Longest first: `cache_creation_input_token_cost_above_1hr_above_200k_tokens` is a 1-hour write cliff.
        private static let cliffFields = ["cache_creation_input_token_cost_above_1hr"] + tierFields
        /// No context window comes near it; the scenario language's own ceiling for a cliff.
        static let maxThousandsOfTokens = 100_000

        init(from decoder: any Decoder) throws {
            guard let container = try? decoder.container(keyedBy: AnyCodingKey.self) else {
                isObject = false
                return
            }
            for key in container.allKeys {
                let name = key.stringValue
                switch name {
                case "mode": mode = try? container.decode(String.self, forKey: key)
                case "litellm_provider": provider = try? container.decode(String.self, forKey: key)
                case "alias_of": isAlias = true
                case "max_input_tokens": maxInputTokens = try? container.decode(Int.self, forKey: key)
                case "source": source = try? container.decode(String.self, forKey: key)
                case "tiered_pricing":
                    if let ranges = try? container.decode([RangePrice].self, forKey: key) {
                        rangePrices = ranges.sorted { $0.start < $1.start }
                    } else {
                        unreadablePrices.append(name)
                    }
                default:
                    if Self.priceFields.contains(name) {
                        if let value = try? container.decode(Double.self, forKey: key) {
                            prices[name] = value
                            check(value, name == "input_cost_per_request" ? .perRequest : .perToken, [.key(name)])
                        } else {
                            unreadablePrices.append(name)
                        }
                    } else if let cliff = Self.cliff(name) {
                        guard let threshold = cliff.threshold else {
                            outOfRangeCliffs.append(name)
                            continue
                        }
                        if let value = try? container.decode(Double.self, forKey: key) {
                            cliffs[threshold, default: [:]][cliff.field] = value
                            prices[name] = value
                            check(value, .perToken, [.key(name)])
                        } else {
                            unreadablePrices.append(name)
                        }
                    }
                }
            }
            for (i, range) in (rangePrices ?? []).enumerated() {
                for (field, value) in range.prices { check(value, .perToken, [.key("tiered_pricing"), .index(i), .key(field)]) }
            }
        }

        private mutating func check(_ value: Double, _ unit: PriceFileLocator.PriceUnit, _ path: [PriceFileLocator.Step]) {
            if overLargePrice == nil, value.isFinite, value > unit.limit { overLargePrice = (path, value, unit) }
        }

        /// `input_cost_per_token_above_200k_tokens` → (`input_cost_per_token`, 200000); a threshold
        /// beyond 100M tokens gives a nil threshold (out of range; the caller counts it). Variants
        /// with a suffix (`…_tokens_batches`, `…_priority`) do not match.
        static func cliff(_ name: String) -> (field: String, threshold: Int?)? {
            guard name.hasSuffix("k_tokens") else { return nil }
            for field in cliffFields where name.hasPrefix(field + "_above_") {
                let digits = name.dropFirst(field.count + "_above_".count).dropLast("k_tokens".count)
                guard !digits.isEmpty, digits.allSatisfy({ $0.isASCII && $0.isNumber }) else { return nil }
                // Compared as text first: twenty digits do not fit an Int.
                let significant = digits.drop { $0 == "0" }
                guard significant.count <= 6, let thousands = Int(significant), thousands > 0 else {
                    return significant.isEmpty ? nil : (field, nil)
                }
                return (field, thousands <= maxThousandsOfTokens ? thousands * 1000 : nil)
            }
            return nil
        }
    }

    /// One range of `tiered_pricing`, USD per token.
    struct RangePrice: Decodable {
        var start: Int
        var input: Double
        var output: Double
        var cachedInput: Double?
        var cacheWrite: Double?

        /// Field name → price, for the bound check.
        var prices: [(String, Double)] {
            [("input_cost_per_token", input), ("output_cost_per_token", output)]
                + (cachedInput.map { [("cache_read_input_token_cost", $0)] } ?? [])
                + (cacheWrite.map { [("cache_creation_input_token_cost", $0)] } ?? [])
        }

        private enum CodingKeys: String, CodingKey {
            case range
            case input = "input_cost_per_token"
            case output = "output_cost_per_token"
            case cachedInput = "cache_read_input_token_cost"
            case cacheWrite = "cache_creation_input_token_cost"
        }

        init(from decoder: any Decoder) throws {
            let container = try decoder.container(keyedBy: CodingKeys.self)
            let range = try container.decode([Double].self, forKey: .range)
            guard let first = range.first, first >= 0, first < 1e12 else {
                throw DecodingError.dataCorruptedError(forKey: .range, in: container, debugDescription: "expected [start, end]")
            }
            start = Int(first)
            input = try container.decode(Double.self, forKey: .input)
            output = try container.decode(Double.self, forKey: .output)
            cachedInput = try container.decodeIfPresent(Double.self, forKey: .cachedInput)
            cacheWrite = try container.decodeIfPresent(Double.self, forKey: .cacheWrite)
            guard [input, output, cachedInput ?? 0, cacheWrite ?? 0].allSatisfy({ $0.isFinite && $0 >= 0 }) else {
                throw DecodingError.dataCorruptedError(forKey: .input, in: container, debugDescription: "negative price")
            }
        }
    }
}

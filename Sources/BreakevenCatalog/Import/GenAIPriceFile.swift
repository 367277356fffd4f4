import BreakevenCore
import Foundation

/// genai-prices' `data.json` (v2): an array of providers, each with `models`, each with `prices`
/// in USD per million tokens as decimals.
///
/// `prices` is either one price set or a list of conditional ones: the first without
/// `constraint` is the base; `constraint.start_date` starts a dated price (price history);
/// `constraint.start_time`/`end_time` is a daily UTC window (time-of-day row). As in genai-prices,
/// the last active item of the list wins. A value is a number or `{base, tiers: [{start, price}]}`
/// (long-context tiers). Read: `input_mtok`, `cache_read_mtok`, `cache_write_mtok`,
/// `cache_write_1h_mtok`, `output_mtok`, `requests_kcount`, and the model's `price_variants`
/// (`when: {processing: batch}` → batch prices; `when: {service_tier: flex|priority|…}` → service
/// tiers; a variant lists only what differs, the rest is the standard price, as genai-prices'
/// `get_prices` resolves it). A variant with a start date applies to the periods that start on or
/// after it and to the observation; one on other conditions is not read (counted). A price above
/// what any provider charges refuses the file, naming its line, column and path.
enum GenAIPriceFile {
    static let formatName = "genai-prices data.json"

    static func parse(_ data: Data, named name: String, observedOn: CalendarDay) throws -> ParsedPriceFile {
        let providers = try PriceFileDecoding.decode(TopLevel.self, from: data, named: name).providers
        if let (path, value, unit) = overLargePrice(in: providers) {
            throw PriceFileLocator.overLargePrice(value, unit: unit, at: path, in: data, file: name)
        }
        var parsed = ParsedPriceFile()
        var seen: Set<String> = []
        for provider in providers {
            let source = formatName + (provider.pricingURLs.first.map { "; \($0)" } ?? "")
            for model in provider.models {
                parsed.entries += 1
                guard let modelID = model.id, !modelID.isEmpty else {
                    parsed.skip("model without an id")
                    continue
                }
                guard ParsedPriceFile.isUsableName(provider.id), ParsedPriceFile.isUsableName(modelID) else {
                    parsed.skip("provider or model id empty or with control characters")
                    continue
                }
                let id = provider.id + "/" + modelID
                guard !seen.contains(id) else {
                    parsed.skip("another entry names the same model")
                    continue
                }
                seen.insert(id)
                switch observations(id: id, provider: provider.id, model: model, source: source, observedOn: observedOn) {
                case let .success(list): parsed.observations += list
                case let .failure(reason): parsed.skip(reason.text)
                }
                for _ in 0..<model.unreadVariants { parsed.skip("price variant on other conditions than processing or service_tier (the variant is not read)") }
            }
        }
        return parsed
    }

    struct SkipReason: Error {
        var text: String
    }

    static func observations(id: String, provider: String, model: Model, source: String,
                             observedOn: CalendarDay) -> Result<[PriceObservation], SkipReason> {
        let entrySource = "\(source) (\(provider) \(model.id ?? ""))"
        func price(_ set: PriceSet, _ dating: PriceObservation.Dating, windows: [TimeOfDayPrice]) throws(SkipReason) -> ModelPrice {
            let day: CalendarDay = if case let .from(start) = dating { start } else { observedOn }
            guard let input = set.input, let output = set.output else {
                throw SkipReason(text: "no input and output price per token")
            }
            var thresholds = Set(input.tiers.map(\.start))
            for value in [output, set.cacheRead, set.cacheWrite, set.cacheWrite1h] { thresholds.formUnion(value?.tiers.map(\.start) ?? []) }
            var price = ModelPrice(
                id: id, provider: provider, effectiveFrom: day,
                inputPerMTok: input.base, cachedInputPerMTok: set.cacheRead?.base, cacheWritePerMTok: set.cacheWrite?.base,
                cacheWrite1hPerMTok: set.cacheWrite1h?.base, outputPerMTok: output.base,
                perRequest: set.requestsPerThousand.map { $0 / 1000 },
                longContext: thresholds.sorted().map { start in
                    LongContextTier(aboveInputTokens: start, inputPerMTok: input.price(above: start),
                                    outputPerMTok: output.price(above: start), cachedInputPerMTok: set.cacheRead?.price(above: start),
                                    cacheWritePerMTok: set.cacheWrite?.price(above: start),
                                    cacheWrite1hPerMTok: set.cacheWrite1h?.price(above: start))
                },
                timeOfDay: windows, contextWindow: ModelPrice.contextWindow(model.contextWindow), source: entrySource)
            model.applyVariants(activeIn: dating, to: &price)
            return price
        }

        do throws(SkipReason) {
            guard let prices = model.prices else { throw SkipReason(text: "prices in an unsupported shape") }
            switch prices {
            case let .single(set):
                return .success([PriceObservation(price: try price(set, .observed(observedOn), windows: []),
                                                  dating: .observed(observedOn))])
            case let .conditional(items):
                return .success(try conditionalObservations(items, observedOn: observedOn, price: price))
            }
        } catch {
            return .failure(error)
        }
    }

    /// One observation per period the list defines: the base (before the first start date) and each
    /// start date. A period's price is the last item active in it; the time windows listed after that
    /// item apply on top of it during their hours.
    private static func conditionalObservations(
        _ items: [ConditionalPrice], observedOn: CalendarDay,
        price: (PriceSet, PriceObservation.Dating, [TimeOfDayPrice]) throws(SkipReason) -> ModelPrice
    ) throws(SkipReason) -> [PriceObservation] {
        let dates = Set(items.compactMap { item -> CalendarDay? in
            if case let .startDate(day) = item.constraint { return day }
            return nil
        }).sorted()

        func observation(activeOn day: CalendarDay?, dating: PriceObservation.Dating) throws(SkipReason) -> PriceObservation? {
            let active = items.lastIndex { item in
                switch item.constraint {
                case .none: true
                case let .startDate(start): day.map { start <= $0 } ?? false
                case .timeOfDay: false
                }
            }
            guard let active else { return nil }
            var windows: [TimeOfDayPrice] = []
            for item in items[(active + 1)...] {
                guard case let .timeOfDay(start, end) = item.constraint else { continue }
                guard let input = item.prices.input, let output = item.prices.output,
                      input.tiers.isEmpty, output.tiers.isEmpty, item.prices.cacheRead?.tiers.isEmpty ?? true
                else { throw SkipReason(text: "time-of-day price without flat input and output prices") }
                windows.append(TimeOfDayPrice(minutes: start, to: end, inputPerMTok: input.base,
                                              cachedInputPerMTok: item.prices.cacheRead?.base, outputPerMTok: output.base))
            }
            guard Set(windows.map(\.startMinuteOfDay)).count == windows.count else {
                throw SkipReason(text: "two time-of-day windows starting at the same minute")
            }
            return PriceObservation(price: try price(items[active].prices, dating, windows), dating: dating)
        }

        var result: [PriceObservation] = []
        if let base = try observation(activeOn: nil, dating: dates.first.map { .before($0) } ?? .observed(observedOn)) {
            result.append(base)
        }
        for day in dates {
            if let dated = try observation(activeOn: day, dating: .from(day)) { result.append(dated) }
        }
        // The file's own date confirms the period in force that day (what precedence between
        // sources compares against another file read the same day).
        if !dates.isEmpty, let current = try observation(activeOn: observedOn, dating: .observed(observedOn)) {
            result.append(current)
        }
        return result
    }

    // MARK: - Decoding

    struct TopLevel: Decodable {
        var providers: [Provider]

        init(from decoder: any Decoder) throws {
            guard var container = try? decoder.unkeyedContainer() else {
                throw DecodingError.typeMismatch([Provider].self, .init(
                    codingPath: [], debugDescription: "expected a JSON array of providers at the top level"))
            }
            providers = []
            while !container.isAtEnd {
                providers.append(try container.decode(Provider.self))
            }
        }
    }

    struct Provider: Decodable {
        var id: String
        var pricingURLs: [String]
        var models: [Model]

        private enum CodingKeys: String, CodingKey {
            case id
            case pricingURLs = "pricing_urls"
            case models
        }

        init(from decoder: any Decoder) throws {
            let container = try decoder.container(keyedBy: CodingKeys.self)
            id = try container.decode(String.self, forKey: .id)
            pricingURLs = try container.decodeIfPresent([String].self, forKey: .pricingURLs) ?? []
            models = try container.decode([Model].self, forKey: .models)
        }
    }

    /// A model; a `prices` value of an unexpected shape leaves `prices` nil (the model is skipped,
    /// the file still imports).
    struct Model: Decodable {
        var id: String?
        var contextWindow: Int?
        var prices: Prices?
        /// Batch and service-tier variants, as listed (see GenAIPriceFile+Variants.swift).
        var variants: [PriceVariant] = []
        /// Variants on other conditions, which the catalog cannot express.
        var unreadVariants: Int { variants.count { !$0.isReadable } }

        private enum CodingKeys: String, CodingKey {
            case id
            case contextWindow = "context_window"
            case prices
            case variants = "price_variants"
        }

        init(from decoder: any Decoder) throws {
            let container = try decoder.container(keyedBy: CodingKeys.self)
            id = try? container.decode(String.self, forKey: .id)
            contextWindow = try? container.decode(Int.self, forKey: .contextWindow)
            prices = try? container.decode(Prices.self, forKey: .prices)
            variants = (try? container.decodeIfPresent([PriceVariant].self, forKey: .variants)) ?? []
        }
    }

    enum Prices: Decodable {
        case single(PriceSet)
        case conditional([ConditionalPrice])

        init(from decoder: any Decoder) throws {
            if let list = try? [ConditionalPrice](from: decoder) {
                self = .conditional(list)
            } else {
                self = .single(try PriceSet(from: decoder))
            }
        }
    }

    struct ConditionalPrice: Decodable {
        enum Constraint: Equatable {
            case startDate(CalendarDay)
            /// Minutes after midnight UTC, [start, end).
            case timeOfDay(start: Int, end: Int)
        }

        var constraint: Constraint?
        var prices: PriceSet

        private enum CodingKeys: String, CodingKey {
            case constraint, prices
        }

        init(from decoder: any Decoder) throws {
            let container = try decoder.container(keyedBy: CodingKeys.self)
            prices = try container.decode(PriceSet.self, forKey: .prices)
            guard container.contains(.constraint), try !container.decodeNil(forKey: .constraint) else { return }
            let fields = try container.decode([String: String].self, forKey: .constraint)
            switch Set(fields.keys) {
            case ["start_date"]:
                guard let day = CalendarDay(fields["start_date"]!) else {
                    throw DecodingError.dataCorruptedError(forKey: .constraint, in: container, debugDescription: "start_date")
                }
                constraint = .startDate(day)
            case ["start_time", "end_time"]:
                guard let start = Self.minutes(fields["start_time"]!), let end = Self.minutes(fields["end_time"]!) else {
                    throw DecodingError.dataCorruptedError(forKey: .constraint, in: container, debugDescription: "time")
                }
                constraint = .timeOfDay(start: start, end: end)
            default:
                throw DecodingError.dataCorruptedError(forKey: .constraint, in: container, debugDescription: "constraint")
            }
        }

        /// `"16:30:00Z"` → 990; seconds must be zero.
        static func minutes(_ text: String) -> Int? {
            let clock = text.hasSuffix("Z") ? text.dropLast() : Substring(text)
            let parts = clock.split(separator: ":", omittingEmptySubsequences: false).map { Int($0) }
            guard parts.count == 2 || parts.count == 3, let hours = parts[0], let minutes = parts[1],
                  (0...24).contains(hours), (0..<60).contains(minutes), parts.count == 2 || parts[2] == 0,
                  hours * 60 + minutes <= 1440
            else { return nil }
            return hours * 60 + minutes
        }
    }

    /// One set of prices, USD per million tokens (`requests_kcount`: USD per thousand requests).
    struct PriceSet: Decodable {
        var input: PriceValue?
        var output: PriceValue?
        var cacheRead: PriceValue?
        var cacheWrite: PriceValue?
        var cacheWrite1h: PriceValue?
        var requestsPerThousand: Double?

        enum CodingKeys: String, CodingKey, CaseIterable {
            case input = "input_mtok"
            case output = "output_mtok"
            case cacheRead = "cache_read_mtok"
            case cacheWrite = "cache_write_mtok"
            case cacheWrite1h = "cache_write_1h_mtok"
            case requestsPerThousand = "requests_kcount"
        }

        /// The prices with their keys, for the bound check: each value's base and tier prices.
        var pricesByKey: [(CodingKeys, [Double])] {
            [(.input, input), (.output, output), (.cacheRead, cacheRead), (.cacheWrite, cacheWrite), (.cacheWrite1h, cacheWrite1h)]
                .compactMap { key, value in value.map { (key, [$0.base] + $0.tiers.map(\.price)) } }
                + (requestsPerThousand.map { [(.requestsPerThousand, [$0])] } ?? [])
        }
    }

    /// A number, or `{"base": 3, "tiers": [{"start": 200000, "price": 6}]}`.
    struct PriceValue: Decodable {
        struct Tier: Decodable {
            var start: Int
            var price: Double
        }

        var base: Double
        var tiers: [Tier]

        private enum CodingKeys: String, CodingKey {
            case base, tiers
        }

        init(from decoder: any Decoder) throws {
            if let flat = try? decoder.singleValueContainer().decode(Double.self) {
                base = flat
                tiers = []
            } else {
                let container = try decoder.container(keyedBy: CodingKeys.self)
                base = try container.decode(Double.self, forKey: .base)
                tiers = try container.decode([Tier].self, forKey: .tiers).sorted { $0.start < $1.start }
            }
            guard ([base] + tiers.map(\.price)).allSatisfy({ $0.isFinite && $0 >= 0 }), tiers.allSatisfy({ $0.start > 0 }) else {
                throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath, debugDescription: "negative price"))
            }
        }

        /// The price a request pays once its prompt exceeds `threshold` tokens.
        func price(above threshold: Int) -> Double {
            tiers.last { $0.start <= threshold }?.price ?? base
        }
    }
}

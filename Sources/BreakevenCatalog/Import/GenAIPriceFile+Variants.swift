import BreakevenCore

// genai-prices `price_variants` (ModelInfo.price_variants, genai-prices 0.2.x `types.py`):
// `{"when": {"processing": "batch"} | {"service_tier": "flex"}, "prices": {…}, "constraint": {"start_date": …}?}`.
// `get_prices` resolves them first to last, each price key taken from the first matching variant,
// the standard price for every key no variant lists.

extension GenAIPriceFile {
    struct PriceVariant: Decodable {
        enum Condition: Equatable {
            case batch
            case serviceTier(String)
            case other
        }

        var condition: Condition
        var prices: PriceSet
        /// nil: always active; a start date; or a time window (not read).
        var startDate: CalendarDay?
        var hasTimeWindow = false

        private enum CodingKeys: String, CodingKey {
            case when, prices, constraint
        }

        init(from decoder: any Decoder) throws {
            let container = try decoder.container(keyedBy: CodingKeys.self)
            let when = try container.decode([String: String].self, forKey: .when)
            condition = switch (when.count, when["processing"], when["service_tier"]) {
            case (1, "batch"?, nil): .batch
            case let (1, nil, tier?): .serviceTier(tier)
            default: .other
            }
            prices = try container.decode(PriceSet.self, forKey: .prices)
            if let constraint = try container.decodeIfPresent([String: String].self, forKey: .constraint) {
                if let start = constraint["start_date"], constraint.count == 1, let day = CalendarDay(start) {
                    startDate = day
                } else {
                    hasTimeWindow = true
                }
            }
        }

        var isReadable: Bool { condition != .other && !hasTimeWindow }

        /// Active in the period an observation describes: in force on its day, or (for the price
        /// before a dated change) before that change.
        func isActive(in dating: PriceObservation.Dating) -> Bool {
            guard let startDate else { return true }
            switch dating {
            case let .from(day), let .observed(day): return startDate <= day
            case let .before(day): return startDate < day
            }
        }
    }
}

extension GenAIPriceFile.Model {
    /// Batch prices and service tiers from the variants active in the period; a price key already
    /// set by an earlier variant stays (first match wins, as in `get_prices`).
    func applyVariants(activeIn dating: PriceObservation.Dating, to price: inout ModelPrice) {
        var batch: [GenAIPriceFile.PriceSet.CodingKeys: Double] = [:]
        var hasBatch = false
        var tiers: [String: [GenAIPriceFile.PriceSet.CodingKeys: Double]] = [:]
        var tierOrder: [String] = []
        for variant in variants where variant.isReadable && variant.isActive(in: dating) {
            let values = variant.prices.pricesByKey.compactMap { key, all in all.first.map { (key, $0) } }
            switch variant.condition {
            case .batch:
                hasBatch = true
                for (key, value) in values where batch[key] == nil { batch[key] = value }
            case .serviceTier(let tier) where tier != "default":
                if tiers[tier] == nil { tierOrder.append(tier) }
                for (key, value) in values where tiers[tier]?[key] == nil { tiers[tier, default: [:]][key] = value }
            default:
                break
            }
        }
        // A batch variant that lists no price says batch requests pay the standard prices.
        if hasBatch {
            price.batchInputPerMTok = batch[.input] ?? price.inputPerMTok
            price.batchOutputPerMTok = batch[.output] ?? price.outputPerMTok
            price.batchCachedInputPerMTok = batch[.cacheRead]
            price.batchCacheWritePerMTok = batch[.cacheWrite]
            price.batchCacheWrite1hPerMTok = batch[.cacheWrite1h]
        }
        price.serviceTiers = tierOrder.compactMap { tier in
            guard let p = tiers[tier], !p.isEmpty else { return nil }
            return ServiceTierPrice(tier: tier, inputPerMTok: p[.input] ?? price.inputPerMTok, cachedInputPerMTok: p[.cacheRead],
                                    cacheWritePerMTok: p[.cacheWrite], outputPerMTok: p[.output] ?? price.outputPerMTok)
        }.sorted { $0.tier < $1.tier }
    }
}

extension GenAIPriceFile {
    /// The first price above what any provider charges, with its path in the file.
    static func overLargePrice(in providers: [Provider]) -> ([PriceFileLocator.Step], Double, PriceFileLocator.PriceUnit)? {
        for (p, provider) in providers.enumerated() {
            for (m, model) in provider.models.enumerated() {
                let base: [PriceFileLocator.Step] = [.index(p), .key("models"), .index(m)]
                var sets: [([PriceFileLocator.Step], PriceSet)] = []
                switch model.prices {
                case let .single(set)?: sets.append((base + [.key("prices")], set))
                case let .conditional(items)?:
                    sets += items.enumerated().map { (base + [.key("prices"), .index($0.offset), .key("prices")], $0.element.prices) }
                case nil: break
                }
                sets += model.variants.enumerated().map { (base + [.key("price_variants"), .index($0.offset), .key("prices")], $0.element.prices) }
                for (path, set) in sets {
                    for (key, values) in set.pricesByKey {
                        let unit: PriceFileLocator.PriceUnit = key == .requestsPerThousand ? .perThousandRequests : .perMillionTokens
                        if let value = values.first(where: { $0.isFinite && $0 > unit.limit }) {
                            return (path + [.key(key.rawValue)], value, unit)
                        }
                    }
                }
            }
        }
        return nil
    }
}

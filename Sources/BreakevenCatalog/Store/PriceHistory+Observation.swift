import BreakevenCore
import GRDB

extension PriceHistory {
    /// Writes what a price file observed, by the rules of `PriceImportOptions`: prices are compared
    /// by value (source and date aside), so re-importing a file finds every row unchanged.
    mutating func apply(_ observation: PriceObservation, unknownStart: CalendarDay, in db: Database) throws -> RowOutcome {
        let id = observation.price.id
        let samePrices: (ModelPrice, ModelPrice) -> Bool = { $0.hasSamePrices(as: $1) }

        func completed(from reference: ModelPrice?, on day: CalendarDay) -> ModelPrice {
            var price = observation.price.canonical()
            price.effectiveFrom = day
            guard let reference, price.inputPerMTok == reference.inputPerMTok, price.outputPerMTok == reference.outputPerMTok
            else { return price }
            // Same standard prices: what the file leaves out is what it does not track, not a change.
            price.cachedInputPerMTok = price.cachedInputPerMTok ?? reference.cachedInputPerMTok
            price.cacheWritePerMTok = price.cacheWritePerMTok ?? reference.cacheWritePerMTok
            price.batchInputPerMTok = price.batchInputPerMTok ?? reference.batchInputPerMTok
            price.batchOutputPerMTok = price.batchOutputPerMTok ?? reference.batchOutputPerMTok
            price.perRequest = price.perRequest ?? reference.perRequest
            price.contextWindow = price.contextWindow ?? reference.contextWindow
            if price.timeOfDay.isEmpty { price.timeOfDay = reference.timeOfDay }
            return price
        }

        switch observation.dating {
        case let .from(day):
            return try put(completed(from: row(id, inEffectOn: day)?.price, on: day), in: db, same: samePrices)

        case let .observed(day):
            guard let reference = row(id, inEffectOn: day) else {
                return try put(completed(from: nil, on: unknownStart), in: db, same: samePrices)
            }
            let price = completed(from: reference.price, on: day)
            if price.hasSamePrices(as: reference.price) { return .unchanged }
            return try put(price, in: db, same: samePrices)

        case let .before(day):
            guard let reference = row(id, before: day) else {
                return try put(completed(from: nil, on: unknownStart), in: db, same: samePrices)
            }
            return try put(completed(from: reference.price, on: reference.price.effectiveFrom), in: db, same: samePrices)
        }
    }
}

import BreakevenCore
import GRDB

extension PriceHistory {
    /// Writes what a price file observed, by the rules of `PriceImportOptions` and the precedence of
    /// `PriceOrigin`: prices are compared by value (source and dates aside), so re-importing a file
    /// finds every row unchanged, and importing two sources again and again settles after one round.
    mutating func apply(_ observation: PriceObservation, origin: PriceOrigin, options: PriceImportOptions,
                        in db: Database) throws -> RowOutcome {
        lastTouched = nil
        let id = observation.price.id
        var incoming = observation.price.canonical()
        incoming.origin = origin

        switch observation.dating {
        case let .from(day):
            incoming.effectiveFrom = day
            incoming.dating = .stated
            if let ref = row(id, inEffectOn: day), ref.price.effectiveFrom == day, outranks(ref.price, origin) {
                return try fill(ref, from: incoming, in: db)
            }
            return try put(completed(incoming, from: row(id, inEffectOn: day)?.price), in: db, same: Self.identical)

        case let .observed(day):
            incoming.effectiveFrom = day
            incoming.observedOn = day
            incoming.dating = options.observedDating
            guard let ref = row(id, inEffectOn: day) else { return try put(incoming, in: db, same: Self.identical) }
            if outranks(ref.price, origin) { return try fill(ref, from: incoming, in: db) }
            let price = completed(incoming, from: ref.price)
            if price.hasSamePrices(as: ref.price) {
                guard origin.rank > (ref.price.origin?.rank ?? PriceOrigin.seed.rank) else { return try confirm(ref, on: day, by: origin, in: db) }
                // A higher source saw the same prices: the row becomes its own (source, origin), with what
                // the lower one added named as a supplement, whichever file came first.
                var taken = price
                taken.effectiveFrom = ref.price.effectiveFrom
                taken.dating = ref.price.dating
                taken.observedOn = [price.observedOn, ref.price.observedOn].compactMap { $0 }.max()
                try update(ref.rowID, to: taken.canonical(), in: db)
                return .confirmed
            }
            if ref.price.effectiveFrom == day {
                // Another source's different price for the same day, which this one outranks.
                var replaced = price
                replaced.dating = ref.price.dating ?? replaced.dating
                if let previous = row(id, before: day), previous.price.hasSamePrices(as: replaced) {
                    // The other source's row only repeated a disagreement: the earlier period holds on.
                    try remove(ref, in: db)
                    _ = try confirm(previous, on: day, by: origin, in: db)
                    return .updated
                }
                return try put(replaced, in: db, same: Self.identical)
            }
            return try put(price, in: db, same: Self.identical)

        case let .before(day):
            guard let ref = row(id, before: day) else {
                incoming.effectiveFrom = options.unknownStart
                incoming.dating = .beforeChange
                return try put(incoming, in: db, same: Self.identical)
            }
            if outranks(ref.price, origin) { return try fill(ref, from: incoming, in: db) }
            var dated = incoming
            dated.effectiveFrom = ref.price.effectiveFrom
            dated.dating = ref.price.dating ?? .beforeChange
            let price = completed(dated, from: ref.price)
            return try put(price, in: db, same: Self.identical)
        }
    }

    /// Rows equal in every field: a rewrite only when something (a date, a source) moved.
    static func identical(_ a: ModelPrice, _ b: ModelPrice) -> Bool { a.canonical() == b.canonical() }

    /// A row written by a higher source keeps its prices whatever a lower one says.
    private func outranks(_ existing: ModelPrice, _ origin: PriceOrigin) -> Bool {
        (existing.origin?.rank ?? PriceOrigin.seed.rank) > origin.rank
    }

    /// The incoming price with what its file leaves out taken from the reference, when both agree on
    /// input and output (an omission is not a price change).
    private func completed(_ incoming: ModelPrice, from reference: ModelPrice?) -> ModelPrice {
        guard let reference, incoming.inputPerMTok == reference.inputPerMTok, incoming.outputPerMTok == reference.outputPerMTok
        else { return incoming }
        var price = incoming
        if reference.effectiveFrom == incoming.effectiveFrom {
            // Rewriting the same row: the last day it was seen in force does not go back.
            price.observedOn = [incoming.observedOn, reference.observedOn].compactMap { $0 }.max()
        }
        let filled = price.fillOmissions(from: reference)
        if !filled.isEmpty, let other = reference.origin, other != incoming.origin {
            price.supplement = Self.supplement(filled, from: other, on: reference.observedOn ?? reference.effectiveFrom)
        } else if price.supplement == nil {
            price.supplement = reference.supplement
        }
        return price
    }

    /// What a lower source may do to a higher one's row: fill what it leaves out, when both agree on
    /// input and output. The row's prices never change.
    private mutating func fill(_ ref: Row, from incoming: ModelPrice, in db: Database) throws -> RowOutcome {
        touch(ref)
        guard incoming.inputPerMTok == ref.price.inputPerMTok, incoming.outputPerMTok == ref.price.outputPerMTok else { return .unchanged }
        var price = ref.price
        let filled = price.fillOmissions(from: incoming)
        guard !filled.isEmpty else { return .unchanged }
        let note = Self.supplement(filled, from: incoming.origin ?? .liteLLM, on: incoming.observedOn ?? incoming.effectiveFrom)
        price.supplement = [ref.price.supplement, note].compactMap { $0 }.joined(separator: "; ")
        try update(ref.rowID, to: price, in: db)
        return .updated
    }

    /// The same prices seen in force later: the row's last-seen day moves on (and a higher source
    /// that saw them takes the row over, so that a lower one cannot later change it).
    private mutating func confirm(_ ref: Row, on day: CalendarDay, by origin: PriceOrigin, in db: Database) throws -> RowOutcome {
        touch(ref)
        var price = ref.price
        if day > price.lastConfirmed { price.observedOn = day }
        if let current = price.origin, origin.rank > current.rank { price.origin = origin }
        guard price != ref.price else { return .unchanged }
        try update(ref.rowID, to: price, in: db)
        return .confirmed
    }

    static func supplement(_ fields: [String], from origin: PriceOrigin, on day: CalendarDay) -> String {
        "\(fields.joined(separator: ", ")) from \(origin.name) (\(day))"
    }
}

extension ModelPrice {
    /// Copies what this price leaves out from another; returns the names of what it took.
    mutating func fillOmissions(from other: ModelPrice) -> [String] {
        var filled: [String] = []
        func take<T>(_ field: WritableKeyPath<ModelPrice, T?>, _ name: String) {
            if self[keyPath: field] == nil, let value = other[keyPath: field] {
                self[keyPath: field] = value
                if !filled.contains(name) { filled.append(name) }
            }
        }
        take(\.cachedInputPerMTok, "cache read")
        take(\.cacheWritePerMTok, "cache write")
        take(\.cacheWrite1hPerMTok, "1-hour cache write")
        take(\.batchInputPerMTok, "batch")
        take(\.batchOutputPerMTok, "batch")
        take(\.batchCachedInputPerMTok, "batch cache prices")
        take(\.batchCacheWritePerMTok, "batch cache prices")
        take(\.batchCacheWrite1hPerMTok, "batch cache prices")
        take(\.perRequest, "per-request fee")
        if serviceTiers.isEmpty, !other.serviceTiers.isEmpty {
            serviceTiers = other.serviceTiers
            filled.append(other.serviceTiers.map(\.tier).joined(separator: ", ") + " tier" + (other.serviceTiers.count > 1 ? "s" : ""))
        }
        if timeOfDay.isEmpty, !other.timeOfDay.isEmpty {
            timeOfDay = other.timeOfDay
            filled.append("time-of-day windows")
        }
        contextWindow = contextWindow ?? other.contextWindow
        return filled
    }
}

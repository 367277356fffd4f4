import BreakevenCore
import GRDB

/// The `model_price` rows of a catalog, per model id in date order, loaded once per transaction so
/// that an import compares thousands of prices in memory and writes only what changed.
struct PriceHistory {
    struct Row {
        var rowID: Int64
        var price: ModelPrice
    }

    private(set) var rows: [String: [Row]] = [:]
    /// The row the last write or comparison concerned, so that an import counts rows, not observations.
    var lastTouched: Int64?

    static func load(_ db: Database) throws -> PriceHistory {
        let tiers = Dictionary(grouping: try LongContextTierRecord.fetchAll(db), by: \.priceID)
        let windows = Dictionary(grouping: try TimeOfDayPriceRecord.fetchAll(db), by: \.priceID)
        let serviceTiers = Dictionary(grouping: try ServiceTierPriceRecord.fetchAll(db), by: \.priceID)
        var history = PriceHistory()
        for record in try ModelPriceRecord.order(ModelPriceRecord.CodingKeys.modelID, ModelPriceRecord.CodingKeys.effectiveFrom).fetchAll(db) {
            guard let rowID = record.id else { continue }
            let price = try ModelPrice(record: record, tiers: tiers[rowID] ?? [], windows: windows[rowID] ?? [],
                                       serviceTiers: serviceTiers[rowID] ?? [])
            history.rows[price.id, default: []].append(Row(rowID: rowID, price: price))
        }
        return history
    }

    var prices: [ModelPrice] {
        rows.keys.sorted().flatMap { rows[$0]!.map(\.price) }
    }

    /// Notes a row an observation was compared with and left as it was.
    mutating func touch(_ row: Row) {
        lastTouched = row.rowID
    }

    /// The row in effect on `day`: the latest whose effective date is on or before it.
    func row(_ id: String, inEffectOn day: CalendarDay) -> Row? {
        rows[id]?.last { $0.price.effectiveFrom <= day }
    }

    /// The row in effect the day before `day`.
    func row(_ id: String, before day: CalendarDay) -> Row? {
        rows[id]?.last { $0.price.effectiveFrom < day }
    }

    func row(_ id: String, on day: CalendarDay) -> Row? {
        rows[id]?.first { $0.price.effectiveFrom == day }
    }

    /// Writes `price` under its (id, effective date): added if new, updated if `same` says it
    /// differs from the row there, unchanged otherwise.
    mutating func put(_ price: ModelPrice, in db: Database, same: (ModelPrice, ModelPrice) -> Bool) throws -> RowOutcome {
        let price = price.canonical()
        if let existing = row(price.id, on: price.effectiveFrom) {
            lastTouched = existing.rowID
            if same(existing.price, price) { return .unchanged }
            try update(existing.rowID, to: price, in: db)
            return .updated
        }
        try insert(price, in: db)
        return .added
    }

    mutating func insert(_ price: ModelPrice, in db: Database) throws {
        var record = try price.record()
        try record.insert(db)
        guard let rowID = record.id else { return }
        lastTouched = rowID
        try writeChildren(of: price, rowID: rowID, in: db)
        var list = rows[price.id, default: []]
        list.append(Row(rowID: rowID, price: price))
        list.sort { $0.price.effectiveFrom < $1.price.effectiveFrom }
        rows[price.id] = list
    }

    mutating func update(_ rowID: Int64, to price: ModelPrice, in db: Database) throws {
        var record = try price.record()
        record.id = rowID
        lastTouched = rowID
        try record.update(db)
        try LongContextTierRecord.filter(LongContextTierRecord.CodingKeys.priceID == rowID).deleteAll(db)
        try TimeOfDayPriceRecord.filter(TimeOfDayPriceRecord.CodingKeys.priceID == rowID).deleteAll(db)
        try ServiceTierPriceRecord.filter(ServiceTierPriceRecord.CodingKeys.priceID == rowID).deleteAll(db)
        try writeChildren(of: price, rowID: rowID, in: db)
        if let index = rows[price.id]?.firstIndex(where: { $0.rowID == rowID }) {
            rows[price.id]![index].price = price
        }
    }

    mutating func remove(_ row: Row, in db: Database) throws {
        _ = try ModelPriceRecord.deleteOne(db, key: row.rowID)
        rows[row.price.id]?.removeAll { $0.rowID == row.rowID }
    }

    private func writeChildren(of price: ModelPrice, rowID: Int64, in db: Database) throws {
        for tier in try price.tierRecords(priceID: rowID) { try tier.insert(db) }
        for window in try price.timeOfDayRecords(priceID: rowID) { try window.insert(db) }
        for tier in try price.serviceTierRecords(priceID: rowID) { try tier.insert(db) }
    }
}

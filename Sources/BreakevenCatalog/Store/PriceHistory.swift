import BreakevenCore
import BreakevenStorage
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
        let tiers: [Int64: [LongContextTier]] = try children(db)
        let windows: [Int64: [TimeOfDayPrice]] = try children(db)
        let serviceTiers: [Int64: [ServiceTierPrice]] = try children(db)
        var history = PriceHistory()
        for row in try GRDB.Row.fetchAll(db, sql: "SELECT * FROM model_price ORDER BY model_id, effective_from") {
            let stored = try StoredRow(row, kind: "model", idColumn: "model_id")
            let rowID: Int64 = try stored("id")
            var price = try ModelPrice(row: stored)
            price.longContext = (tiers[rowID] ?? []).sorted { $0.aboveInputTokens < $1.aboveInputTokens }
            price.timeOfDay = (windows[rowID] ?? []).sorted { $0.startMinuteOfDay < $1.startMinuteOfDay }
            price.serviceTiers = (serviceTiers[rowID] ?? []).sorted { $0.tier < $1.tier }
            history.rows[price.id, default: []].append(Row(rowID: rowID, price: price))
        }
        return history
    }

    /// The child rows of one kind, by the id of their price.
    private static func children<Child: PriceTableRow>(_ db: Database) throws -> [Int64: [Child]] {
        var children: [Int64: [Child]] = [:]
        for row in try GRDB.Row.fetchAll(db, sql: "SELECT * FROM \(Child.databaseTableName)") {
            let priceID: Int64 = try StoredRow(row, entry: Child.databaseTableName)("price_id")
            let child = try Child(row: StoredRow(row, entry: "\(Child.databaseTableName) of price \(priceID)"))
            children[priceID, default: []].append(child)
        }
        return children
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
        try PriceTableWrite(value: price, key: "id", id: nil, money: price.money).insert(db)
        let rowID = db.lastInsertedRowID
        lastTouched = rowID
        try writeChildren(of: price, rowID: rowID, in: db)
        var list = rows[price.id, default: []]
        list.append(Row(rowID: rowID, price: price))
        list.sort { $0.price.effectiveFrom < $1.price.effectiveFrom }
        rows[price.id] = list
    }

    mutating func update(_ rowID: Int64, to price: ModelPrice, in db: Database) throws {
        lastTouched = rowID
        try PriceTableWrite(value: price, key: "id", id: rowID, money: price.money).update(db)
        for table in [LongContextTier.databaseTableName, TimeOfDayPrice.databaseTableName, ServiceTierPrice.databaseTableName] {
            try db.execute(sql: "DELETE FROM \(table) WHERE price_id = ?", arguments: [rowID])
        }
        try writeChildren(of: price, rowID: rowID, in: db)
        if let index = rows[price.id]?.firstIndex(where: { $0.rowID == rowID }) {
            rows[price.id]![index].price = price
        }
    }

    mutating func remove(_ row: Row, in db: Database) throws {
        try db.execute(sql: "DELETE FROM model_price WHERE id = ?", arguments: [row.rowID])
        rows[row.price.id]?.removeAll { $0.rowID == row.rowID }
    }

    private func writeChildren(of price: ModelPrice, rowID: Int64, in db: Database) throws {
        func write(_ child: some PriceTableRow) throws {
            try PriceTableWrite(value: child, key: "price_id", id: rowID, money: price.money).insert(db)
        }
        for tier in price.longContext { try write(tier) }
        for window in price.timeOfDay { try write(window) }
        for tier in price.serviceTiers { try write(tier) }
    }
}

/// How a price and its child rows are written: the value's columns and the id that ties the row, the
/// price's own `id` (nil: a new row, numbered by SQLite) or its children's `price_id`.
private struct PriceTableWrite<Value: PriceTableRow>: PersistableRecord {
    static var databaseTableName: String { Value.databaseTableName }

    let value: Value
    let key: String
    let id: Int64?
    let money: MicroUSD.Check

    func encode(to container: inout PersistenceContainer) throws {
        container[key] = id
        try value.encode(to: &container, money: money)
    }
}

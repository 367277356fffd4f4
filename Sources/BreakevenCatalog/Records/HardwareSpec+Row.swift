import BreakevenCore
import BreakevenStorage
import GRDB

/// A machine is a row of `hardware`: one can buy it at a price in micro-USD per unit from a date on.
extension HardwareSpec: FetchableRecord, PersistableRecord {
    public static let databaseTableName = "hardware"

    public init(row: Row) throws {
        let r = try StoredRow(row, kind: "hardware", idColumn: "hardware_id")
        let watts = SpecBounds.watts
        self.init(id: try r("hardware_id"), name: try r("name"), price: try r.usd("price_micros"),
                  datasheet: try Datasheet(r, integerPeaks: false), tdpWatts: try r.figure("tdp_watts", watts),
                  wattsBusy: try r.figure("watts_busy", watts), wattsIdle: try r.figure("watts_idle", watts),
                  effectiveFrom: try r.day("effective_from") { "unreadable date \($0)" }, source: try r("source"), provider: try r("provider"))
        if let problem = FigureOrder.firstBroken(figureOrders) { throw r.damaged(problem) }
    }

    public func encode(to container: inout PersistenceContainer) throws {
        let entry = "hardware \(id) from \(effectiveFrom)"
        let money = MicroUSD.Check(entry: entry)
        if let problem = FigureOrder.firstBroken(figureOrders) { throw CatalogError.invalidEntry(entry: entry, message: problem) }
        // The table has no column to keep them in.
        if datasheet.int8TOPS != nil || datasheet.int4TOPS != nil {
            throw CatalogError.invalidEntry(entry: entry, message: "a machine's INT8 and INT4 peaks are not recorded (those formats compute at BF16)")
        }
        container["hardware_id"] = id
        container["name"] = name
        container["price_micros"] = try money("price", price)
        datasheet.encode(to: &container, integerPeaks: false)
        container["tdp_watts"] = tdpWatts
        container["watts_busy"] = wattsBusy
        container["watts_idle"] = wattsIdle
        container["effective_from"] = effectiveFrom.description
        container["source"] = source
        container["provider"] = provider
    }
}

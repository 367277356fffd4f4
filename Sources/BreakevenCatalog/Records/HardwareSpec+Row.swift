import BreakevenCore
import BreakevenStorage
import GRDB

/// A machine is a row of `hardware`: one can buy it at a price in micro-USD per unit from a date on.
extension HardwareSpec: FetchableRecord, PersistableRecord {
    public static let databaseTableName = "hardware"

    public init(row: Row) throws {
        let r = try StoredRow(row, kind: "hardware", idColumn: "hardware_id")
        let compute = SpecBounds.compute, watts = SpecBounds.watts
        self.init(id: try r("hardware_id"), name: try r("name"), price: try r.usd("price_micros"),
                  memoryGB: try r.figure("memory_gb", SpecBounds.memoryGB), bandwidthTBps: try r.figure("bandwidth_tbps", SpecBounds.bandwidthTBps),
                  bf16TFLOPS: try r.figure("bf16_tflops", compute), tdpWatts: try r.figure("tdp_watts", watts),
                  wattsBusy: try r.figure("watts_busy", watts), wattsIdle: try r.figure("watts_idle", watts),
                  effectiveFrom: try r.day("effective_from") { "unreadable date \($0)" }, source: try r("source"),
                  fp8TFLOPS: try r.figure("fp8_tflops", compute), fp4TFLOPS: try r.figure("fp4_tflops", compute), provider: try r("provider"))
        if let problem = FigureOrder.firstBroken(figureOrders) { throw r.damaged(problem) }
    }

    public func encode(to container: inout PersistenceContainer) throws {
        let money = MicroUSD.Check(entry: "hardware \(id) from \(effectiveFrom)")
        if let problem = FigureOrder.firstBroken(figureOrders) { throw CatalogError.invalidEntry(entry: "hardware \(id) from \(effectiveFrom)", message: problem) }
        container["hardware_id"] = id
        container["name"] = name
        container["price_micros"] = try money("price", price)
        container["memory_gb"] = memoryGB
        container["bandwidth_tbps"] = bandwidthTBps
        container["bf16_tflops"] = bf16TFLOPS
        container["fp8_tflops"] = fp8TFLOPS
        container["fp4_tflops"] = fp4TFLOPS
        container["tdp_watts"] = tdpWatts
        container["watts_busy"] = wattsBusy
        container["watts_idle"] = wattsIdle
        container["effective_from"] = effectiveFrom.description
        container["source"] = source
        container["provider"] = provider
    }
}

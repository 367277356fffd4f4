import BreakevenCore
import BreakevenStorage
import GRDB

/// A plan is a row of `subscription_plan`: a flat fee per seat per month (micro-USD) from a date on.
extension SubscriptionPlan: FetchableRecord, PersistableRecord {
    public static let databaseTableName = "subscription_plan"

    public init(row: Row) throws {
        let r = try StoredRow(row, kind: "plan", idColumn: "plan_id")
        self.init(id: try r("plan_id"), name: try r("name"), provider: try r("provider"),
                  monthlyFee: try r.usd("monthly_fee_micros"), includedRequestsPerMonth: try r.figure("included_requests_per_month", SpecBounds.includedRequests),
                  includes: try r("includes"), effectiveFrom: try r.day("effective_from") { "unreadable date \($0)" },
                  source: try r("source"))
    }

    public func encode(to container: inout PersistenceContainer) throws {
        let money = MicroUSD.Check(entry: "plan \(id) from \(effectiveFrom)")
        container["plan_id"] = id
        container["name"] = name
        container["provider"] = provider
        container["monthly_fee_micros"] = try money("monthly_fee", monthlyFee)
        container["included_requests_per_month"] = includedRequestsPerMonth
        container["includes"] = includes
        container["effective_from"] = effectiveFrom.description
        container["source"] = source
    }
}

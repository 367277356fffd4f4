import GRDB

/// One row of `subscription_plan`: a flat fee per seat per month (micro-USD) from a date on.
struct SubscriptionPlanRecord: Codable, Equatable, FetchableRecord, PersistableRecord {
    static let databaseTableName = "subscription_plan"

    var planID: String
    var name: String
    var provider: String
    var monthlyFeeMicros: Int64
    var includedRequestsPerMonth: Double?
    var includes: String
    var effectiveFrom: String
    var source: String

    enum CodingKeys: String, CodingKey, ColumnExpression {
        case planID = "plan_id"
        case name, provider
        case monthlyFeeMicros = "monthly_fee_micros"
        case includedRequestsPerMonth = "included_requests_per_month"
        case includes
        case effectiveFrom = "effective_from"
        case source
    }
}

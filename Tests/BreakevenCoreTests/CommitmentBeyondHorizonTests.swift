import Testing
@testable import BreakevenCore

/// A reservation or a provisioned term that runs past the horizon still owes money after it; the
/// total leaves that out (the horizon is the horizon), so a warning says how much. Three months
/// from January 2027: the horizon ends with March, and April to December 2027 have
/// 30 + 31 + 30 + 31 + 31 + 30 + 31 + 30 + 31 = 275 days, 6,600 hours.
@Suite("Commitments beyond the horizon")
struct CommitmentBeyondHorizonTests {
    static let workload = #"{ "requests_per_month": 100000, "input_tokens_per_request": 1000, "output_tokens_per_request": 100 }"#
    static let api = #"{ "id": "api", "type": "api", "prices": { "input_per_mtok": 2, "output_per_mtok": 8 } }"#
    static let throughput = #""throughput": { "output_tokens_per_second": 1000, "input_tokens_per_second": 10000 }"#

    static func warnings(_ option: String, months: Int = 3) throws -> [Warning] {
        let s = try ScenarioText.scenario(start: "2027-01", months: months, workload: workload, options: [api, option])
        return BreakevenAnalysis.analyse(s, Simulator.project(s)).warnings.filter { $0.code == .commitmentBeyondHorizon }
    }

    @Test func reservedReplicasOweTheRestOfTheirTerm() throws {
        // 2 replicas × 2 GPUs × $1.50 a GPU-hour × 6,600 hours = $39,600 for the 9 months left.
        let gpu = #"{ "id": "gpu", "type": "self_hosted", "gpu_hourly": 2, "gpus_per_replica": 2, "commitment": { "reserved_replicas": 2, "reserved_hourly": 1.5, "term_months": 12 }, \#(Self.throughput) }"#
        let found = try Self.warnings(gpu)
        #expect(found == [Warning(.commitmentBeyondHorizon, option: "gpu", WarningFigures(months: 9, amount: 39_600))])
        // A term that ends with the horizon owes nothing after it.
        #expect(try Self.warnings(gpu, months: 12).isEmpty)
    }

    @Test func provisionedUnitsOweTheRestOfTheLastTerm() throws {
        // 20 units × $260 a unit-month, committed for 12 months: 9 × $5,200 = $46,800 after March.
        let ptu = #"{ "id": "ptu", "type": "provisioned", "units": 20, "unit_price_per_month": 260, "term_months": 12, "input_tokens_per_minute_per_unit": 2500 }"#
        #expect(try Self.warnings(ptu) == [Warning(.commitmentBeyondHorizon, option: "ptu", WarningFigures(months: 9, amount: 46_800))])
        // By the hour: March's bill, 20 × $1 × 744 hours = $14,880, is $20 an hour; × 6,600 hours = $132,000.
        let hourly = #"{ "id": "ptu", "type": "provisioned", "units": 20, "unit_price_per_hour": 1, "term_months": 12, "input_tokens_per_minute_per_unit": 2500 }"#
        #expect(try Self.warnings(hourly) == [Warning(.commitmentBeyondHorizon, option: "ptu", WarningFigures(months: 9, amount: 132_000))])
        // Month by month (a term of 1) commits to nothing after the horizon.
        let monthly = #"{ "id": "ptu", "type": "provisioned", "units": 20, "unit_price_per_month": 260, "input_tokens_per_minute_per_unit": 2500 }"#
        #expect(try Self.warnings(monthly).isEmpty)
    }
}

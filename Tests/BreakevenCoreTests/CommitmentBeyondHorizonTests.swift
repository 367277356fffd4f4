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

    /// A composite option owes what its parts owe: a switch away from reserved replicas (they
    /// bill on after the switch) and a mix that sends half its traffic to them owe the
    /// reservation's $39,600 (as above) after March. A switch to them in February reserves them
    /// from February: its term runs to January 2028, 10 months after March, 6,600 + 744 = 7,344
    /// hours: 2 × 2 GPUs × $1.50 × 7,344 = $44,064 (the option alone reserves from January).
    @Test func aSwitchOrAMixOwesWhatItsReservedSidesOwe() throws {
        let gpu = #"{ "id": "gpu", "type": "self_hosted", "gpu_hourly": 2, "gpus_per_replica": 2, "commitment": { "reserved_replicas": 2, "reserved_hourly": 1.5, "term_months": 12 }, \#(Self.throughput) }"#
        let owed = WarningFigures(months: 9, amount: 39_600)
        for (composite, owes) in [(#"{ "id": "c", "type": "switch", "from": "api", "to": "gpu", "at_month": 2 }"#, WarningFigures(months: 10, amount: 44_064)),
                                  (#"{ "id": "c", "type": "switch", "from": "gpu", "to": "api", "at_month": 2 }"#, owed),
                                  (#"{ "id": "c", "type": "mix", "routes": [ { "option": "api", "share": 0.5 }, { "option": "gpu", "share": 0.5 } ] }"#, owed)] {
            let s = try ScenarioText.scenario(start: "2027-01", months: 3, workload: Self.workload, options: [Self.api, gpu, composite])
            let found = BreakevenAnalysis.analyse(s, Simulator.project(s)).warnings.filter { $0.code == .commitmentBeyondHorizon }
            #expect(found == [Warning(.commitmentBeyondHorizon, option: "gpu", owed), Warning(.commitmentBeyondHorizon, option: "c", owes)])
        }
        // A switch that never happens within the horizon commits to nothing.
        let late = try ScenarioText.scenario(start: "2027-01", months: 3, workload: Self.workload, options: [
            Self.api, gpu.replacingOccurrences(of: "\"reserved_replicas\": 2", with: "\"reserved_replicas\": 0"),
            #"{ "id": "c", "type": "switch", "from": "api", "to": "gpu", "at_month": 3 }"#])
        #expect(BreakevenAnalysis.analyse(late, Simulator.project(late)).warnings.filter { $0.code == .commitmentBeyondHorizon }.isEmpty)
    }

    /// Provisioned units are held for their term: a switch away in its middle still pays them to
    /// its end, and past the horizon. 20 units at $260 a unit-month for 12 months from January
    /// 2027, then the API from month 3: 100,000 requests × (1,000 × $2 + 100 × $8) / 10^6 = $280
    /// a month, on top of the units' $5,200. The term runs to December: 6 months after June owe
    /// 6 × $5,200 = $31,200.
    @Test func aSwitchAwayFromProvisionedUnitsPaysThemToTheTermsEnd() throws {
        let ptu = #"{ "id": "ptu", "type": "provisioned", "units": 20, "unit_price_per_month": 260, "term_months": 12, "input_tokens_per_minute_per_unit": 2500 }"#
        func scenario(_ at: String) throws -> Scenario {
            try ScenarioText.scenario(start: "2027-01", months: 6, workload: Self.workload, options: [
                Self.api, ptu, #"{ "id": "leave", "type": "switch", "from": "ptu", "to": "api", "at_month": \#(at) }"#])
        }
        let s = try scenario("3")
        let months = Simulator.project(s).options[2].months.map(\.totalCost)
        #expect(months == [5_200, 5_200, 5_480, 5_480, 5_480, 5_480])
        // Trials and sweeps add up the same months.
        #expect(MonteCarloTests.totals(s)[2].totalCost == months.reduce(0, +))
        let found = BreakevenAnalysis.analyse(s, Simulator.project(s)).warnings.filter { $0.code == .commitmentBeyondHorizon }
        #expect(found.map(\.option) == ["ptu", "leave"])
        #expect(found.map(\.figures) == [WarningFigures(months: 6, amount: 31_200), WarningFigures(months: 6, amount: 31_200)])
        // The best month weighs that. Once bought, the units are paid whatever happens: leaving in
        // month k costs (k − 1) × 5,200 + (7 − k) × 5,480: $32,600 in month 2, $280 less each
        // month after, all more than staying (6 × $5,200 = $31,200). Leaving in month 1 never
        // buys them: 6 × $280 = $1,680, the cheapest.
        let best = try scenario(#""best""#)
        let evaluation = try #require(Simulator.project(best).options[2].switchEvaluation)
        #expect(evaluation.candidates.map(\.totalCost) == [1_680, 32_600, 32_320, 32_040, 31_760, 31_480, 31_200])
        #expect(evaluation.chosenMonth == 1)
    }
}

import Testing
@testable import BreakevenCore

/// `switch` with `overlap_months`: both sides billed while traffic moves.
@Suite("A switch that takes months of overlap")
struct SwitchOverlapTests {
    /// $1 per million output tokens.
    static let api = #"{ "id": "api", "type": "api", "prices": { "input_per_mtok": 1, "output_per_mtok": 1 } }"#
    /// $700 a month of team (8,400 a year), $1,000 once, GPUs free: the same $700 standing by or serving.
    static let team = """
        { "id": "self", "type": "self_hosted", "gpu_hourly": 0,
          "throughput": { "output_tokens_per_second": 1000000, "input_tokens_per_second": 1000000 },
          "team": { "engineers": 1, "cost_per_engineer_per_year": 8400 }, "one_time": { "migration": 1000 } }
        """
    /// 500 Mtok a month × [2, 1, 6]: the API costs $1,000, $500, $3,000.
    static let workload = #"{ "requests_per_month": 500000, "input_tokens_per_request": 0, "output_tokens_per_request": 1000, "growth": { "schedule": [2, 1, 6] } }"#

    static func run(_ switchOption: String, options: [String] = [api, team], months: Int = 3,
                    workload: String = workload) throws -> (BreakevenResult, [MonthlyProjection]) {
        let s = try ScenarioText.scenario(months: months, workload: workload, options: options + [switchOption])
        let p = Simulator.project(s)
        return (BreakevenAnalysis.analyse(s, p), p.options.last?.months ?? [])
    }

    @Test func theBestMonthMovesBecauseOfTheOverlap() throws {
        // Without overlap, a switch in month k costs the API's months before k, $1,000 once and $700 a
        // month from k: k = 1 → 1,000 + 3 × 700 = 3,100; k = 2 → 1,000 + 1,000 + 2 × 700 = 3,400;
        // k = 3 → 1,500 + 1,000 + 700 = 3,200; never → 4,500. Best: month 1.
        let (plain, _) = try Self.run(#"{ "id": "move", "type": "switch", "from": "api", "to": "self", "at_month": "best" }"#)
        let before = try #require(plain.option("move")?.switchPlan)
        #expect(before.candidates.map(\.totalCost) == [3_100, 3_400, 3_200, 4_500])
        #expect(before.switchMonth == 1 && before.overlapMonths == 0)
        // One month of overlap adds the API's cost of month k (it still serves all the traffic) while
        // the team stands by: k = 1 → 1,000 + 700 + 1,000 + 2 × 700 = 4,100; k = 2 → 1,000 + 500 + 700
        // + 1,000 + 700 = 3,900; k = 3 → 1,000 + 500 + 3,000 + 700 + 1,000 = 6,200 (the horizon ends
        // before the team serves alone); never → 4,500. Best: month 2.
        let (overlapped, months) = try Self.run(#"{ "id": "move", "type": "switch", "from": "api", "to": "self", "at_month": "best", "overlap_months": 1 }"#)
        let after = try #require(overlapped.option("move")?.switchPlan)
        #expect(after.candidates.map(\.totalCost) == [4_100, 3_900, 6_200, 4_500])
        #expect(after.switchMonth == 2 && after.overlapMonths == 1)
        // Month by month at month 2: the API alone; both (the API's $500, the team's $700 and the
        // migration); the team alone.
        #expect(months.map(\.totalCost) == [1_000, 2_200, 700])
        #expect(months[1].costs.api == 500 && months[1].costs.team == 700 && months[1].costs.oneTime == 1_000)
        #expect(months[2].costs.api == 0)
        #expect(overlapped.option("move")?.totalCost == 3_900)
    }

    @Test func aBoughtMachineIsBoughtAtTheStartOfTheOverlapAndIdles() throws {
        // The API: 1,000 Mtok a month at $1 = $1,000. The machine: $1,200 cash, $50 a month fixed, no power.
        // Switch in month 2 with 1 month of overlap: month 1 API $1,000; month 2 API $1,000 + machine
        // $1,200 + $50 (bought and idle); month 3 $50; month 4 $50 less the book value credited at
        // the end, 1,200 × (1 − 3/36) = 1,100 (owned months 2–4): −$1,050. Total 2,250.
        let machine = """
            { "id": "box", "type": "owned_hardware", "purchase_price": 1200, "units": 1,
              "throughput": { "output_tokens_per_second": 1000000, "input_tokens_per_second": 1000000 },
              "monthly_fixed": { "desk": 50 } }
            """
        let flat = #"{ "requests_per_month": 1000000, "input_tokens_per_request": 0, "output_tokens_per_request": 1000 }"#
        let (result, months) = try Self.run(#"{ "id": "move", "type": "switch", "from": "api", "to": "box", "at_month": 2, "overlap_months": 1 }"#,
                                            options: [Self.api, machine], months: 4, workload: flat)
        #expect(months.map(\.totalCost) == [1_000, 2_250, 50, -1_050])
        #expect(months[1].costs.api == 1_000 && months[1].costs.hardware == 1_200)
        // The machine stands by: one unit, nothing served on it.
        #expect(months[1].replicas == 1 && months[1].utilization == 0)
        #expect(result.option("move")?.totalCost == 2_250)
        #expect(result.option("move")?.switchPlan?.switchMonth == 2)
    }

    @Test func everySwitchMonthInOnePassEqualsProjectingEachMonthWithAnOverlap() throws {
        // The fast path (prefix sums, `to` standing by at zero volume) against each month projected.
        let s = try ScenarioText.scenario(months: 24, discountRate: 0.1, workload: """
            { "requests_per_month": 2000000, "input_tokens_per_request": 800, "output_tokens_per_request": 400, "growth": { "monthly_rate": 0.06 } }
            """, options: [
                #"{ "id": "api", "type": "api", "prices": { "input_per_mtok": 1, "output_per_mtok": 3 }, "price_change_per_year": -0.3, "minimum_monthly": 100 }"#,
                #"{ "id": "gpu", "type": "self_hosted", "gpu_hourly": 2, "min_replicas": 2, "throughput": { "output_tokens_per_second": 800, "input_tokens_per_second": 8000 }, "gpu_price_change_per_year": -0.2, "team": { "engineers": 0.5, "cost_per_engineer_per_year": 120000 }, "one_time": { "migration": 40000 } }"#,
                #"{ "id": "move", "type": "switch", "from": "api", "to": "gpu", "at_month": "best", "overlap_months": 3 }"#,
            ])
        let demands = (0..<s.months).map { Simulator.demand(month: $0, of: s) }
        guard case .switchover(let plan) = s.options[2].kind else { Issue.record("not a switch"); return }
        #expect(plan.overlapMonths == 3)
        let fast = SwitchEvaluation.best(s.options[2], plan, in: s, demands: demands)
        #expect(fast.candidates.count == 25)
        expectEveryCandidateIsItsProjection(fast, of: s.options[2], in: s, demands: demands)
        // Standing by costs something: every switch month costs more than without the overlap.
        var noOverlap = plan
        noOverlap.overlapMonths = 0
        let plain = SwitchEvaluation.best(s.options[2], noOverlap, in: s, demands: demands)
        for (a, b) in zip(fast.candidates, plain.candidates) where a.month != nil { #expect(a.totalCost > b.totalCost) }
    }

    @Test func theOverlapIsCheckedAndListed() throws {
        let options = [Self.api, Self.team]
        func errors(_ overlap: String) -> [String] {
            ScenarioText.errors(ScenarioText.document(workload: Self.workload, options: options + [
                #"{ "id": "move", "type": "switch", "from": "api", "to": "self", "at_month": 1, "overlap_months": \#(overlap) }"#]))
        }
        #expect(errors("-1").map { $0.replacingOccurrences(of: #"x.json:\d+:\d+"#, with: "x.json:L:C", options: .regularExpression) }
                == ["x.json:L:C: error: options[2].overlap_months: expected an integer from 0 to 240, found -1"])
        #expect(errors("1.5").map { $0.replacingOccurrences(of: #"x.json:\d+:\d+"#, with: "x.json:L:C", options: .regularExpression) }
                == ["x.json:L:C: error: options[2].overlap_months: expected an integer from 0 to 240, found 1.5"])
        let s = try ScenarioText.scenario(workload: Self.workload, options: options + [
            #"{ "id": "move", "type": "switch", "from": "api", "to": "self", "at_month": 1 }"#])
        let listed = s.assumptions.first { $0.path == "options.move.overlap_months" }
        #expect(listed.map { "\($0.value) \($0.sourceDescription)" } == "0 default")
    }
}

/// Each candidate of a switch's evaluation equals the projection of the option switched that month.
func expectEveryCandidateIsItsProjection(_ evaluation: SwitchEvaluation, of option: ServingOption, in s: Scenario,
                                         demands: [MonthDemand]) {
    for c in evaluation.candidates {
        var model = OptionModel(option, in: s, switchAt: c.month ?? s.months + 1)
        let costs = demands.map { model.month($0, isLast: $0.index == s.months - 1).totalCost }
        #expect(close(c.totalCost, costs.reduce(0, +), tolerance: 1e-12), "month \(c.month.map(String.init) ?? "never")")
        #expect(close(c.npv, BreakevenAnalysis.presentValue(costs, rate: s.discountRate), tolerance: 1e-12))
    }
}

import Testing
@testable import BreakevenCore

/// What a guardrail says when it is checked, as exact strings, on figures checkable by hand.
@Suite("Guardrail checks")
struct GuardrailCheckTests {
    /// 12 months from April 2026, no discounting. gpt: 1e6 requests × 1,000 output tokens at
    /// $1/Mtok = $1,000 a month, $12,000 in all. self: no GPU cost, one engineer at $8,400 a year
    /// = $700 a month, plus $3,000 of migration in month 1: $11,400 in all, $600 saved;
    /// cumulative 3,000 + 700·m ≤ 1,000·m from month 10.
    static func result(migration: Int = 3000) throws -> BreakevenResult {
        let s = try ScenarioText.scenario(months: 12, workload: BreakevenTests.workload, options: [
            BreakevenTests.api.replacingOccurrences(of: #""id": "api""#, with: #""id": "gpt""#),
            BreakevenTests.selfHosted.replacingOccurrences(of: "3000", with: String(migration)),
        ])
        return BreakevenAnalysis.analyse(s, Simulator.project(s))
    }

    static func messages(_ rules: [String], base: BreakevenResult? = nil, migration: Int = 3000) throws -> [String] {
        let parsed = try rules.map { text throws(GuardrailProblem) in try GuardrailRule.parse(text) }
        return try GuardrailCheck.evaluate(parsed, result: try result(migration: migration), base: base).map(\.message)
    }

    static func problems(_ rules: [String]) throws -> [String] {
        let parsed = try rules.map { text throws(GuardrailProblem) in try GuardrailRule.parse(text) }
        let r = try result()
        do throws(GuardrailProblems) {
            _ = try GuardrailCheck.evaluate(parsed, result: r)
            return []
        } catch {
            return error.problems.map(\.formatted)
        }
    }

    @Test func breachesSayTheRuleTheValueAndTheMiss() throws {
        let outcomes = try GuardrailCheck.evaluate([try GuardrailRule.parse("self.total_cost>11000")], result: try Self.result())
        #expect(outcomes.map(\.status) == [.breached])
        #expect(outcomes.first?.value == 11_400)
        #expect(try Self.messages([
            "self.total_cost>11000",       // 11,400 − 11,000 = 400, 400 / 11,000 = 3.6%
            "self.total_cost>=11400",      // at the limit: ≥ breaches
            "self.npv<12000",              // no discounting: NPV = total; 12,000 − 11,400 = 600 = 5%
            "self.breakeven_month>9",      // month 10
            "self.savings_vs_baseline<1000", // 12,000 − 11,400 = 600; 400 short = 40%
            "self.monthly_cost>3000",      // month 1: 3,000 + 700
            "self.monthly_cost<800",       // the cheapest month, the first at $700
        ]) == [
            "--fail-on self.total_cost>11000: total cost of self is $11,400.00; at most $11,000.00 allowed, over by $400.00 (3.6%)",
            "--fail-on self.total_cost>=11400: total cost of self is $11,400.00; less than $11,400.00 allowed, over by $0.00 (0%)",
            "--fail-on self.npv<12000: NPV of self is $11,400.00; at least $12,000.00 allowed, under by $600.00 (5%)",
            "--fail-on self.breakeven_month>9: breakeven month of self is month 10; at most month 9 allowed, over by 1 month",
            "--fail-on self.savings_vs_baseline<1000: savings vs the baseline of self is $600.00; at least $1,000.00 allowed, under by $400.00 (40%)",
            "--fail-on self.monthly_cost>3000: monthly cost of self is $3,700.00 in month 1 (2026-04); at most $3,000.00 allowed, over by $700.00 (23.3%)",
            "--fail-on self.monthly_cost<800: monthly cost of self is $700.00 in month 2 (2026-05); at least $800.00 allowed, under by $100.00 (12.5%)",
        ])
    }

    @Test func passesSayTheValueAndTheLimit() throws {
        let outcomes = try GuardrailCheck.evaluate([try GuardrailRule.parse("*.total_cost>12000")], result: try Self.result())
        #expect(outcomes.map(\.status) == [.passed, .passed])
        #expect(outcomes.map(\.message) == [
            "--fail-on *.total_cost>12000: total cost of gpt is $12,000.00; at most $12,000.00 allowed",
            "--fail-on *.total_cost>12000: total cost of self is $11,400.00; at most $12,000.00 allowed",
        ])
    }

    @Test func neverBreakingEvenBreachesAMaxAndPassesAMin() throws {
        // $6,000 of migration: 6,000 + 700·m ≤ 1,000·m only from month 20, after the horizon.
        let outcomes = try GuardrailCheck.evaluate(
            [try GuardrailRule.parse("self.breakeven_month>12"), try GuardrailRule.parse("self.breakeven_month<3")],
            result: try Self.result(migration: 6000))
        #expect(outcomes.map(\.status) == [.breached, .passed])
        #expect(outcomes.map(\.value) == [nil, nil])
        #expect(outcomes.map(\.message) == [
            "--fail-on self.breakeven_month>12: breakeven month of self is never (no breakeven within 12 months); at most month 12 allowed",
            "--fail-on self.breakeven_month<3: breakeven month of self is never (no breakeven within 12 months); at least month 3 allowed",
        ])
    }

    @Test func everyOptionLeavesOutTheBaselineForComparisons() throws {
        let outcomes = try GuardrailCheck.evaluate([try GuardrailRule.parse("*.savings_vs_baseline<0")], result: try Self.result())
        #expect(outcomes.map(\.option) == ["self"])
        #expect(outcomes.map(\.status) == [.passed])
    }

    @Test func aRuleThatCannotBeCheckedIsAnErrorNeverAPass() throws {
        #expect(try Self.problems(["slef.npv>1", "gpt.breakeven_month>3", "gpt.utilization<50%", "self.npv>1"]) == [
            #"--fail-on slef.npv>1: unknown option "slef"; did you mean "self"? (options: gpt, self)"#,
            #"--fail-on gpt.breakeven_month>3: "gpt" is the baseline; breakeven_month compares the other options with it"#,
            #"--fail-on gpt.utilization<50%: "gpt" (api) provisions no capacity, so it has no utilization"#,
        ])
    }

    @Test func everyOptionWithNothingToCheckIsSkipped() throws {
        let s = try ScenarioText.scenario(months: 2, workload: BreakevenTests.workload, options: [BreakevenTests.api])
        let r = BreakevenAnalysis.analyse(s, Simulator.project(s))
        let outcomes = try GuardrailCheck.evaluate([try GuardrailRule.parse("*.breakeven_month>1"), try GuardrailRule.parse("*.utilization<1%")], result: r)
        #expect(outcomes.map(\.status) == [.skipped, .skipped])
        #expect(outcomes.map(\.message) == [
            "--fail-on *.breakeven_month>1: skipped: there is no option besides the baseline",
            "--fail-on *.utilization<1%: skipped: no option provisions capacity, so none has a utilization",
        ])
    }

    @Test func utilization() throws {
        // April 2026: 30 days = 2,592,000 s. 648,000 requests × 1,000 output tokens = 6.48e8
        // tokens at 1,000 tokens/s = 648,000 s of one replica: 25% of the month.
        let workload = #"{ "requests_per_month": 648000, "input_tokens_per_request": 0, "output_tokens_per_request": 1000 }"#
        let gpu = #"{ "id": "gpu", "type": "self_hosted", "gpu_hourly": 1, "throughput": { "output_tokens_per_second": 1000, "input_tokens_per_second": 1000 } }"#
        let s = try ScenarioText.scenario(workload: workload, options: [BreakevenTests.api, gpu])
        let r = BreakevenAnalysis.analyse(s, Simulator.project(s))
        let outcomes = try GuardrailCheck.evaluate([try GuardrailRule.parse("gpu.utilization<40%"), try GuardrailRule.parse("*.utilization<=0.25")], result: r)
        #expect(outcomes.map(\.message) == [
            "--fail-on gpu.utilization<40%: average utilization of gpu is 25%; at least 40% allowed, under by 15 points",
            "--fail-on *.utilization<=0.25: average utilization of gpu is 25%; more than 25% allowed, under by 0 points",
        ])
    }

    @Test func gpusAndUnmetRequests() throws {
        // April 2026, 30 days = 2,592,000 s, a flat day. 5,184,000 requests × 1,000 output tokens
        // = 5.184e9 tokens at 1,000 tokens/s = 5,184,000 replica-seconds: 2 replicas busy all month;
        // at 70% at most, ⌈2 / 0.7⌉ = 3 replicas of 2 GPUs each = 6 GPUs. The seat includes 1,000
        // requests and overflows nowhere: 5,183,000 unmet; the other two options serve them all.
        let workload = #"{ "requests_per_month": 5184000, "input_tokens_per_request": 0, "output_tokens_per_request": 1000 }"#
        let gpu = #"{ "id": "gpu", "type": "self_hosted", "gpu_hourly": 1, "gpus_per_replica": 2, "throughput": { "output_tokens_per_second": 1000, "input_tokens_per_second": 1000 } }"#
        let seat = #"{ "id": "seat", "type": "subscription", "monthly_fee": 20, "included": { "requests_per_month": 1000 }, "overflow": "unmet" }"#
        let s = try ScenarioText.scenario(workload: workload, options: [BreakevenTests.api, gpu, seat])
        let r = BreakevenAnalysis.analyse(s, Simulator.project(s))
        let outcomes = try GuardrailCheck.evaluate(["gpu.gpus>4", "*.gpus<=6", "*.unmet_requests>0"].map { t throws(GuardrailProblem) in
            try GuardrailRule.parse(t)
        }, result: r)
        #expect(outcomes.map(\.message) == [
            "--fail-on gpu.gpus>4: GPUs paid at the peak of gpu is 6 GPUs; at most 4 GPUs allowed, over by 2 GPUs",
            "--fail-on *.gpus<=6: GPUs paid at the peak of gpu is 6 GPUs; more than 6 GPUs allowed, under by 0 GPUs",
            "--fail-on *.unmet_requests>0: requests left unmet of api is 0 requests; at most 0 requests allowed",
            "--fail-on *.unmet_requests>0: requests left unmet of gpu is 0 requests; at most 0 requests allowed",
            "--fail-on *.unmet_requests>0: requests left unmet of seat is 5,183,000 requests; at most 0 requests allowed, over by 5,183,000 requests",
        ])
        #expect(outcomes.map(\.status) == [.breached, .breached, .passed, .passed, .breached])
        // An option that rents no GPUs has none to limit: an error naming it, never a pass.
        #expect(throws: GuardrailProblems.self) { try GuardrailCheck.evaluate([try GuardrailRule.parse("seat.gpus>1")], result: r) }
        #expect(throws: GuardrailProblem.self) { try GuardrailRule.parse("gpu.gpus>50%") }
    }

    @Test func changesAgainstTheBase() throws {
        let base = try Self.result()
        // Head: $6,000 of migration. self: 11,400 → 14,400 = +3,000 = +26.3% of 11,400;
        // savings 600 → −2,400 = −3,000 = −500% of 600; breakeven month 10 → never.
        #expect(try Self.messages([
            "self.total_cost:+10%", "self.total_cost:+$5k", "self.breakeven_month:+2", "self.savings_vs_baseline:-10%",
            "gpt.total_cost:+1%", "self.monthly_cost:+50%",
        ], base: base, migration: 6000) == [
            "--fail-on self.total_cost:+10%: total cost of self rises from $11,400.00 to $14,400.00 (+26.3%); a rise of at most 10% allowed, over by 16.3 points",
            "--fail-on self.total_cost:+$5k: total cost of self rises from $11,400.00 to $14,400.00 (+$3,000.00); a rise of at most $5,000.00 allowed",
            "--fail-on self.breakeven_month:+2: breakeven month of self rises from month 10 to never (no breakeven within 12 months); a rise of at most 2 months allowed",
            "--fail-on self.savings_vs_baseline:-10%: savings vs the baseline of self falls from $600.00 to -$2,400.00 (-500%); a fall of at most 10% allowed, over by 490 points",
            "--fail-on gpt.total_cost:+1%: total cost of gpt stays at $12,000.00; a rise of at most 1% allowed",
            // The dearest month: 3,700 → 6,700, +81.1%.
            "--fail-on self.monthly_cost:+50%: monthly cost of self rises from $3,700.00 to $6,700.00 (+81.1%); a rise of at most 50% allowed, over by 31.1 points",
        ])
        let statuses = try GuardrailCheck.evaluate(
            ["self.total_cost:+10%", "self.total_cost:+$5k", "self.breakeven_month:+2"].map { t throws(GuardrailProblem) in try GuardrailRule.parse(t) },
            result: try Self.result(migration: 6000), base: base).map(\.status)
        #expect(statuses == [.breached, .passed, .breached])
    }

    @Test func aChangeHasNothingToCompareForANewOptionOrScenario() throws {
        let s = try ScenarioText.scenario(months: 12, workload: BreakevenTests.workload, options: [
            BreakevenTests.api.replacingOccurrences(of: #""id": "api""#, with: #""id": "gpt""#)])
        let base = BreakevenAnalysis.analyse(s, Simulator.project(s))
        #expect(try Self.messages(["self.total_cost:+10%", "*.total_cost:+10%"], base: base) == [
            #"--fail-on self.total_cost:+10%: skipped: "self" is new: there is no base value to compare with"#,
            "--fail-on *.total_cost:+10%: total cost of gpt stays at $12,000.00; a rise of at most 10% allowed",
            #"--fail-on *.total_cost:+10%: skipped: "self" is new: there is no base value to compare with"#,
        ])
        #expect(try Self.messages(["self.total_cost:+10%"]) == [
            "--fail-on self.total_cost:+10%: skipped: the scenario is new: there is no base to compare with",
        ])
    }
}

import Testing
@testable import BreakevenCore

/// `--fail-on` rules as a user types them, and every message a bad one gets, as exact strings.
@Suite("--fail-on rules")
struct GuardrailRuleParsingTests {
    static func parse(_ text: String) -> GuardrailRule? { try? GuardrailRule.parse(text) }

    static func problem(_ text: String) -> String? {
        do {
            _ = try GuardrailRule.parse(text)
            return nil
        } catch {
            return error.formatted
        }
    }

    @Test func absoluteLimits() throws {
        let rule = try #require(Self.parse("self.total_cost>2.5M"))
        #expect(rule.option == "self")
        #expect(rule.metric == .totalCost)
        #expect(rule.condition == .absolute(.above, 2_500_000))
        #expect(rule.name == "--fail-on self.total_cost>2.5M")
        #expect(Self.parse("*.breakeven_month >= 12")?.condition == .absolute(.atOrAbove, 12))
        #expect(Self.parse("*.breakeven_month >= 12")?.option == "*")
        #expect(Self.parse("self.npv<$40k")?.condition == .absolute(.below, 40_000))
        // Scenarios counted in euros or pounds write their own sign.
        #expect(Self.parse("self.npv<€40k")?.condition == .absolute(.below, 40_000))
        #expect(Self.parse("self.total_cost>£2.5M")?.condition == .absolute(.above, 2_500_000))
        #expect(Self.parse("self.monthly_cost<=1,500")?.condition == .absolute(.atOrBelow, 1_500))
        // 40% is a share: 0.4, exactly the double nearest it.
        #expect(Self.parse("self.utilization<40%")?.condition == .absolute(.below, 0.4))
        #expect(Self.parse("self.utilization<0.35")?.condition == .absolute(.below, 0.35))
        #expect(Self.parse("self.savings_vs_baseline<-5k")?.condition == .absolute(.below, -5_000))
        // Option ids may contain dots: the metric follows the last one.
        #expect(Self.parse("llama.3.total_cost>1B")?.option == "llama.3")
        #expect(Self.parse("llama.3.total_cost>1B")?.condition == .absolute(.above, 1e9))
    }

    @Test func changeLimits() {
        #expect(Self.parse("self.total_cost:+10%")?.condition == .change(by: 0.1, percent: true))
        #expect(Self.parse("*.savings_vs_baseline:-5%")?.condition == .change(by: -0.05, percent: true))
        #expect(Self.parse("self.breakeven_month:+2")?.condition == .change(by: 2, percent: false))
        #expect(Self.parse("self.monthly_cost:+$5k")?.condition == .change(by: 5_000, percent: false))
    }

    @Test func everyMessageForABadRule() {
        #expect(Self.problem("self.total_cost") ==
            "--fail-on self.total_cost: expected OPTION.METRIC, then >, >=, <, <= and a number (self.total_cost>2.5M) or : and a signed change (self.total_cost:+10%)")
        #expect(Self.problem("total_cost>5") ==
            #"--fail-on total_cost>5: expected OPTION.METRIC before ">", such as self.total_cost or *.breakeven_month, found "total_cost""#)
        #expect(Self.problem("self.totl_cost>5") ==
            #"--fail-on self.totl_cost>5: unknown metric "totl_cost"; did you mean "total_cost"? (metrics: total_cost, npv, monthly_cost, breakeven_month, utilization, savings_vs_baseline, gpus, unmet_requests)"#)
        #expect(Self.problem("self.total_cost>lots") ==
            #"--fail-on self.total_cost>lots: expected a number after ">", such as 2500000, 2.5M, $40k or 35%, found "lots""#)
        #expect(Self.problem("self.total_cost>") ==
            #"--fail-on self.total_cost>: expected a number after ">", such as 2500000, 2.5M, $40k or 35%, found """#)
        #expect(Self.problem("self.total_cost>10%") ==
            #"--fail-on self.total_cost>10%: a percentage only fits utilization (utilization<40%) or a change (total_cost:+10%), found "10%""#)
        #expect(Self.problem("self.breakeven_month>$12") ==
            #"--fail-on self.breakeven_month>$12: expected a month number after ">", such as 12, found "$12""#)
        #expect(Self.problem("self.utilization<40") ==
            #"--fail-on self.utilization<40: expected a utilization from 0 to 1 or a percentage such as 40%, found "40""#)
        #expect(Self.problem("self.total_cost:10%") ==
            #"--fail-on self.total_cost:10%: expected a signed change after ":", such as :+10% or :-5000, found "10%""#)
        #expect(Self.problem("self.total_cost:+ten") ==
            #"--fail-on self.total_cost:+ten: expected a change such as :+10%, :-5% or :+5000 after ":", found "+ten""#)
        #expect(Self.problem("self.breakeven_month:+$2") ==
            #"--fail-on self.breakeven_month:+$2: breakeven_month is not an amount of money, found "+$2""#)
        #expect(Self.problem("self.total_cost>inf") ==
            #"--fail-on self.total_cost>inf: expected a number after ">", such as 2500000, 2.5M, $40k or 35%, found "inf""#)
    }

    @Test func scenarioGuardrailsAsRules() {
        let rules = GuardrailRule.scenarioRules([
            Guardrail(option: "self", metric: .totalCost, bound: .max(2_000_000)),
            Guardrail(option: "*", metric: .utilization, bound: .min(0.4)),
        ])
        #expect(rules.map(\.name) == ["guardrails[0] self.total_cost max 2000000", "guardrails[1] *.utilization min 0.4"])
        #expect(rules.map(\.condition) == [.absolute(.above, 2_000_000), .absolute(.below, 0.4)])
    }

    @Test func changeRulesOnlyInDiff() throws {
        let rule = try GuardrailRule.parse("self.total_cost:+10%")
        #expect(GuardrailProblem.changeNeedsDiff(rule).formatted ==
            "--fail-on self.total_cost:+10%: a change against the base (such as :+10%) can only be checked by breakeven diff")
    }
}

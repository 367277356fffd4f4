import Testing
@testable import BreakevenCore
@testable import BreakevenReports

/// How guardrail results read in reports and on the terminal.
@Suite("Guardrail tables")
struct GuardrailTableTests {
    static func outcome(_ status: GuardrailOutcome.Status, _ option: String = "self") -> GuardrailOutcome {
        GuardrailOutcome(rule: "--fail-on \(option).npv>1", option: option, metric: .npv, status: status,
                         message: "--fail-on \(option).npv>1: NPV of \(option) is $2.00; at most $1.00 allowed, over by $1.00 (100%)")
    }

    @Test func summaries() {
        #expect(GuardrailTable.summary([Self.outcome(.passed)]) == "1 check passed")
        #expect(GuardrailTable.summary([Self.outcome(.passed), Self.outcome(.passed)]) == "all 2 checks passed")
        #expect(GuardrailTable.summary([Self.outcome(.breached), Self.outcome(.passed), Self.outcome(.skipped)]) == "1 of 2 checks failed (1 skipped)")
        #expect(GuardrailTable.summary([Self.outcome(.breached)]) == "1 of 1 check failed")
        #expect(GuardrailTable.summary([Self.outcome(.skipped)]) == "nothing to check (1 skipped)")
    }

    @Test func breachesComeFirstWithoutTheRuleRepeated() {
        #expect(GuardrailTable.render([Self.outcome(.passed, "gpt"), Self.outcome(.breached)]) == """
            | Result | Rule | Option | Finding |
            |---|---|---|---|
            | ❌ failed | `--fail-on self.npv>1` | `self` | NPV of self is $2.00; at most $1.00 allowed, over by $1.00 (100%) |
            | ✅ passed | `--fail-on gpt.npv>1` | `gpt` | NPV of gpt is $2.00; at most $1.00 allowed, over by $1.00 (100%) |

            1 of 2 checks failed.

            """)
    }
}

import Testing
@testable import BreakevenCore
@testable import BreakevenReports

/// The personal profile's payback against every option, as the verdict and the report word it.
@Suite("Payback against every option, in words")
struct PersonalPaybackReportTests {
    /// 10 Mtok a month over 12 months: pay per token $100 a month, a plan at `fee` a month with
    /// every request included, a box at `price` (no power, no resale) paid in month 1.
    static func result(fee: Double, price: Double = 1000, baseline: String = "plan") throws -> BreakevenResult {
        let text = """
            { "version": 1, "name": "desk", "profile": "personal", "start": "2026-01", "months": 12,
              "workload": { "requests_per_month": 10000, "input_tokens_per_request": 0, "output_tokens_per_request": 1000 },
              "options": [
                { "id": "api", "type": "api", "label": "Pay per token", "prices": { "input_per_mtok": 10, "output_per_mtok": 10 } },
                { "id": "plan", "type": "subscription", "label": "The plan", "monthly_fee": \(fee), "included": { "requests_per_month": 100000 } },
                { "id": "box", "type": "owned_hardware", "label": "Box", "purchase_price": \(price), "units": 1,
                  "throughput": { "output_tokens_per_second": 1000, "input_tokens_per_second": 1000 } } ],
              "baseline": "\(baseline)" }
            """
        let s = try ScenarioLoader.load(Array(text.utf8), file: "desk.json").scenario
        return BreakevenAnalysis.analyse(s, Simulator.project(s))
    }

    @Test func theVerdictNamesEveryOption() throws {
        // Cash $1,000 against $100 × m (at or above from month 10) and $20 × m ($240 at most).
        #expect(Verdict.paybackSentences(try Self.result(fee: 20))
                == ["Box pays for itself in month 10 against Pay per token, and not within 12 months against The plan."])
        // At $200 a month the plan reaches $1,000 in month 5: soonest first.
        #expect(Verdict.paybackSentences(try Self.result(fee: 200))
                == ["Box pays for itself in month 5 against The plan and in month 10 against Pay per token."])
        // The box as the baseline: the same paybacks.
        let baseline = try Self.result(fee: 20, baseline: "box")
        #expect(Verdict.paybackSentences(baseline)
                == ["Box pays for itself in month 10 against Pay per token, and not within 12 months against The plan."])
        #expect(Verdict.sentences(try Self.result(fee: 20)).hasSuffix(
            ". Box pays for itself in month 10 against Pay per token, and not within 12 months against The plan."))
    }

    @Test func aMachineThatNeverPaysBackSaysSoOnce() throws {
        // $5,000 against $1,200 and $240 over the year.
        #expect(Verdict.paybackSentences(try Self.result(fee: 20, price: 5000))
                == ["Box does not pay for itself within 12 months against Pay per token or The plan."])
        #expect(Verdict.spoken(["A"], "or") == "A")
        #expect(Verdict.spoken(["A", "B"], "or") == "A or B")
        #expect(Verdict.spoken(["A", "B", "C"], "and") == "A, B and C")
    }

    @Test func thePersonalSectionListsEveryPayback() throws {
        let r = try Self.result(fee: 20)
        // Savings: 1,200 − 333.33 and 240 − 333.33 (the box's book value at the end, 1,000 × 24/36, credited).
        #expect(MarkdownReport.paybacks(r) == """

            | Machine | Against | Pays for itself | Savings over 12 months |
            |---|---|---|---:|
            | Box | Pay per token | month 10 | $866.67 |
            | Box | The plan | not within 12 months | -$93.33 |

            Each machine against every other option, paid in cash and not sold; savings: the other option's total less the machine's, resale and the book value at the end credited.

            """)
        #expect(MarkdownReport.personal(try Self.result(fee: 20, baseline: "box"))?.contains("| Box | baseline | $27.78 |") == true)
    }
}

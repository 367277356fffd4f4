import Foundation
import Testing
@testable import BreakevenCore

/// A machine for the desk against every other option, not only the baseline.
@Suite("Payback of a bought machine against every option")
struct PersonalPaybackTests {
    /// 10,000 requests a month of 1,000 output tokens: 10 Mtok a month.
    static let workload = #"{ "requests_per_month": 10000, "input_tokens_per_request": 0, "output_tokens_per_request": 1000 }"#
    /// 10 Mtok × $10 = $100 a month.
    static let api = #"{ "id": "api", "type": "api", "label": "Pay per token", "prices": { "input_per_mtok": 10, "output_per_mtok": 10 } }"#
    /// $20 a month, every request included.
    static let plan = #"{ "id": "plan", "type": "subscription", "label": "The $20 plan", "monthly_fee": 20, "included": { "requests_per_month": 100000 } }"#
    /// $1,000 once, no power, no resale: 10,000 s of work a month, far below its 744 hours.
    static let box = """
        { "id": "box", "type": "owned_hardware", "label": "Box", "purchase_price": 1000, "units": 1,
          "throughput": { "output_tokens_per_second": 1000, "input_tokens_per_second": 1000 } }
        """

    static func result(baseline: String) throws -> BreakevenResult {
        let text = ScenarioText.document(start: "2026-01", months: 12, workload: workload, options: [api, plan, box],
                                         extra: #", "baseline": "\#(baseline)""#)
            .replacingOccurrences(of: #""name": "test","#, with: #""name": "test", "profile": "personal","#)
        let s = try ScenarioText.scenario(text)
        return BreakevenAnalysis.analyse(s, Simulator.project(s))
    }

    @Test func aMachineGetsItsPaybackAgainstEveryOtherOption() throws {
        let r = try Self.result(baseline: "plan")
        let box = try #require(r.option("box")?.personal)
        // Cash: $1,000 in month 1, nothing after. Pay per token: $100 × m, at or above $1,000 from
        // month 10 (month 9: $900). The plan: $20 × m, $240 at most: never.
        // Totals over 12 months credit the machine's book value at the end: 1,000 × (1 − 12/36) =
        // $666.67, so the box costs $333.33; savings 1,200 − 333.33 = $866.67 and 240 − 333.33 = −$93.33.
        #expect(box.paybacks?.map(\.against) == ["api", "plan"])
        #expect(box.paybacks?.map(\.paybackMonth) == [10, nil])
        #expect(close(box.paybacks?[0].savings, 1_200 - 1_000.0 / 3))
        #expect(close(box.paybacks?[1].savings, 240 - 1_000.0 / 3))
        // Against the baseline, as before: never.
        #expect(box.paybackMonth == nil)
        // The savings against the baseline are the option's own.
        #expect(close(box.paybacks?[1].savings, r.option("box")?.savingsVsBaseline ?? 0))
        // Only machines get the list; the baseline gets no personal figures.
        #expect(r.option("api")?.personal?.paybacks == nil)
        #expect(r.option("plan")?.personal == nil)
    }

    @Test func aMachineThatIsTheBaselineStillGetsItsPaybacks() throws {
        let r = try Self.result(baseline: "box")
        let box = try #require(r.option("box")?.personal)
        #expect(box.paybackMonth == nil)
        #expect(box.paybacks?.map(\.paybackMonth) == [10, nil])
        // The plan (cash $20 × m) stays at or below the box's $1,000 from month 1.
        #expect(r.option("plan")?.personal?.paybackMonth == 1)
        // Pay per token reaches $1,200 > $1,000 by month 12: never.
        #expect(r.option("api")?.personal?.paybackMonth == nil)
    }

    @Test func theResultJSONCarriesTheListAndReadsBack() throws {
        let r = try Self.result(baseline: "plan")
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        let json = String(decoding: try encoder.encode(r.option("box")?.personal?.paybacks), as: UTF8.self)
        // 1,200 − 1,000/3 and 240 − 1,000/3, as JSONEncoder writes the doubles.
        #expect(json == #"[{"against":"api","payback_month":10,"savings":866.6666666666667},{"against":"plan","payback_month":null,"savings":-93.33333333333326}]"#)
        let text = String(decoding: try encoder.encode(r), as: UTF8.self)
        #expect(try ResultFile.decode(Array(text.utf8), file: "r.json").option("box")?.personal == r.option("box")?.personal)
    }

    /// The errors of the result file with its first `old` replaced, line:column left out.
    static func tampered(_ old: String, _ new: String) throws -> [String] {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        let text = String(decoding: try encoder.encode(try result(baseline: "plan")), as: UTF8.self)
        #expect(text.contains(old), "the fixture has no \(old)")
        let range = try #require(text.range(of: old))
        do {
            _ = try ResultFile.decode(Array(text.replacingCharacters(in: range, with: new).utf8), file: "r.json")
            return []
        } catch {
            return error.diagnostics.map { $0.formatted(file: "r.json").replacingOccurrences(of: #"r.json:\d+:\d+"#, with: "r.json:L:C", options: .regularExpression) }
        }
    }

    @Test func aTamperedPaybackIsLocated() throws {
        #expect(try Self.tampered(#""against":"api""#, #""against":"gpt""#) == [
            #"r.json:L:C: error: options[2].personal.paybacks[0].against: expected the id of another option, once (api, plan), found "gpt""#,
        ])
        #expect(try Self.tampered(#""against":"plan""#, #""against":"box""#) == [
            #"r.json:L:C: error: options[2].personal.paybacks[1].against: expected the id of another option, once (api, plan), found "box""#,
        ])
        #expect(try Self.tampered(#""payback_month":10"#, #""payback_month":13"#) == [
            "r.json:L:C: error: options[2].personal.paybacks[0].payback_month: expected a month from 1 to 12, or null for never, found 13",
        ])
    }
}

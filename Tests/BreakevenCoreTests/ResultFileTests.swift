import Foundation
import Testing
@testable import BreakevenCore

/// Result files read back for `diff`, and what a broken one says, located like a scenario's errors.
@Suite("Result files")
struct ResultFileTests {
    static func resultText() throws -> String {
        let s = try ScenarioText.scenario(months: 3, workload: BreakevenTests.workload, options: [BreakevenTests.api, BreakevenTests.selfHosted],
                                          extra: #", "guardrails": [{ "option": "self", "metric": "npv", "max": 1 }]"#)
        let result = BreakevenAnalysis.analyse(s, Simulator.project(s))
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        return String(decoding: try encoder.encode(result), as: UTF8.self)
    }

    static func errors(_ text: String) -> [String] {
        do {
            _ = try ResultFile.decode(Array(text.utf8), file: "r.json")
            return []
        } catch {
            return error.diagnostics.map { $0.formatted(file: "r.json") }
        }
    }

    @Test func roundTripsWithItsGuardrails() throws {
        let text = try Self.resultText()
        let decoded = try ResultFile.decode(Array(text.utf8), file: "r.json")
        #expect(decoded.guardrails == [Guardrail(option: "self", metric: .npv, bound: .max(1))])
        #expect(ResultFile.isResult(try JSONParser.parse(Array(text.utf8))))
        #expect(!ResultFile.isResult(try JSONParser.parse(Array(#"{ "version": 1 }"#.utf8))))
    }

    @Test func everyAssumptionSourceReadsBack() throws {
        // A measured default is written as "default" with its reference, and read back as one;
        // a plain default has no reference.
        let assumptions = [
            Assumption(path: "a", value: "1", source: .scenario),
            Assumption(path: "b", value: "2", source: .override),
            Assumption(path: "c", value: "3", source: .defaultValue),
            Assumption(path: "d", value: "0.6", source: .measuredDefault("0.60: NeMo decode timings")),
            Assumption(path: "e", value: "4", source: .derived("roofline")),
            Assumption(path: "f", value: "5", source: .catalog(id: "x", effectiveFrom: "2026-01-01", source: "LiteLLM")),
        ]
        let data = try JSONEncoder().encode(assumptions)
        #expect(try JSONDecoder().decode([Assumption].self, from: data) == assumptions)
        let measured = try JSONSerialization.jsonObject(with: JSONEncoder().encode(assumptions[3])) as? [String: String]
        #expect(measured == ["path": "d", "value": "0.6", "source": "default", "reference": "0.60: NeMo decode timings"])
    }

    @Test func aResultWrittenBeforeGuardrailsStillReads() throws {
        let text = try Self.resultText()
        var document = try JSONParser.parse(Array(text.utf8))
        if case .object(let members) = document.value {
            document.value = .object(members.filter { $0.key != "guardrails" })
        }
        #expect(try ResultFile.decode(Array(document.canonicalText.utf8), file: "r.json").guardrails == [])
    }

    /// Months written before results carried the GPUs paid read back with none (a `diff`
    /// against a committed older result must not fail on them).
    @Test func monthsWrittenBeforeGPUsPaidStillRead() throws {
        let text = try Self.resultText()
        let current = try ResultFile.decode(Array(text.utf8), file: "r.json")
        #expect(current.options[1].months.allSatisfy { $0.gpus != nil })
        let older = text.split(separator: "\n", omittingEmptySubsequences: false).filter { !$0.contains(#""gpus" :"#) }
        #expect(older.count < text.split(separator: "\n", omittingEmptySubsequences: false).count)
        let decoded = try ResultFile.decode(Array(older.joined(separator: "\n").utf8), file: "r.json")
        #expect(decoded.options[1].months.allSatisfy { $0.gpus == nil })
        #expect(decoded.options[1].months.map(\.totalCost) == current.options[1].months.map(\.totalCost))
    }

    @Test func brokenFilesSayWhereAndWhat() throws {
        let text = try Self.resultText()
        #expect(Self.errors(text.replacingOccurrences(of: #""result_version" : 1"#, with: #""result_version" : 2"#)).map { $0.replacingOccurrences(of: #"r.json:\d+:\d+"#, with: "r.json:L:C", options: .regularExpression) } == [
            "r.json:L:C: error: result_version: unsupported result version 2; this breakeven reads result version 1",
        ])
        #expect(Self.errors(#"{ "result_version": 1, "baseline": "api" }"#) == [
            #"r.json:1:1: error: missing required key "scenario""#,
        ])
        #expect(Self.errors(#"{ "result_version": 1, "scenario": 5 }"#) == [
            "r.json:1:36: error: scenario: expected an object, found 5",
        ])
        let wrongTotal = text.replacingOccurrences(of: #""total_cost" : 3000,"#, with: #""total_cost" : "lots","#)
        let located = Self.errors(wrongTotal).map { $0.replacingOccurrences(of: #"r.json:\d+:\d+"#, with: "r.json:L:C", options: .regularExpression) }
        #expect(located == [#"r.json:L:C: error: options[0].total_cost: expected a number, found "lots""#])
        #expect(Self.errors(#"{ "result_version": 1, "#) == [#"r.json:1:24: error: expected a key in double quotes, found the end of the file"#])
    }

    @Test func anInputsUnitReadsBackAndAnUnknownOneIsLocated() throws {
        let text = try Self.resultText()
        // Assumptions carry their key's title and unit, so a report made from the file names them the same.
        let decoded = try ResultFile.decode(Array(text.utf8), file: "r.json")
        let price = try #require(decoded.assumptions.first { $0.path == "options.self.gpu_hourly" })
        #expect(price.title == "GPU price" && price.unit == .money(per: "GPU-hour"))
        let (changed, errors) = try Self.tampered(#""kind" : "money""#, #""kind" : "dollars""#)
        // The first money input is the 14th assumption listed (assumptions[13]).
        #expect(errors == [try Self.place(of: #""kind" : "dollars""#, in: changed) + #": error: assumptions[13].unit.kind: unknown unit kind "dollars""#])
    }

    /// "r.json:L:C" of the value in `needle` (`"key" : value`), the first place it occurs.
    static func place(of needle: String, in text: String) throws -> String {
        let range = try #require(text.range(of: needle))
        let valueStart = try #require(text[range].range(of: " : ")).upperBound
        let before = text[..<valueStart]
        let line = before.filter { $0 == "\n" }.count + 1
        let column = before.count - (before.lastIndex(of: "\n").map { before.distance(from: before.startIndex, to: $0) + 1 } ?? 0) + 1
        return "r.json:\(line):\(column)"
    }

    /// The text with the first `old` replaced, and the error the result file then gives.
    static func tampered(_ old: String, _ new: String) throws -> (text: String, errors: [String]) {
        let text = try resultText()
        #expect(text.contains(old), "the fixture has no \(old)")
        let range = try #require(text.range(of: old))
        let changed = text.replacingCharacters(in: range, with: new)
        return (changed, errors(changed))
    }

    @Test func aHorizonThatIsNotOneIsLocated() throws {
        let negative = try Self.tampered(#""months" : 3"#, #""months" : -1"#)
        #expect(negative.errors == ["\(try Self.place(of: #""months" : -1"#, in: negative.text)): error: scenario.months: expected a whole number of months from 1 to 240, found -1"])
        // Too large for an Int: located, not "1:1: The given data was not valid JSON."
        let huge = try Self.tampered(#""months" : 3"#, #""months" : 1e300"#)
        #expect(huge.errors == ["\(try Self.place(of: #""months" : 1e300"#, in: huge.text)): error: scenario.months: expected a whole number from -9223372036854775808 to 9223372036854775807, found 1e300"])
        let fraction = try Self.tampered(#""months" : 3"#, #""months" : 2.5"#)
        #expect(fraction.errors == ["\(try Self.place(of: #""months" : 2.5"#, in: fraction.text)): error: scenario.months: expected a whole number, found 2.5"])
        // Four months said, three given: every option's array is the wrong length.
        let longer = try Self.tampered(#""months" : 3"#, #""months" : 4"#)
        #expect(longer.errors.count == 2)
        #expect(longer.errors.allSatisfy { $0.contains(": error: options[") && $0.hasSuffix("].months: expected 4 months, one for each month of scenario.months, found 3 elements") })
    }

    @Test func aTamperedBreakevenMonthIsLocated() throws {
        // self never breaks even (3,700, 4,400, 5,100 against 1,000, 2,000, 3,000): null, edited to month 7 of 3.
        let text = try Self.resultText()
        let selfStart = try #require(text.range(of: #""id" : "self""#))
        let options = text[..<selfStart.lowerBound]
        let blockStart = try #require(options.range(of: "{", options: .backwards)).lowerBound
        let block = text[blockStart...]
        let field = try #require(block.range(of: #""breakeven_month" : null"#))
        let changed = text.replacingCharacters(in: field, with: #""breakeven_month" : 7"#)
        let errors = Self.errors(changed)
        #expect(errors.count == 1)
        #expect(errors.first?.hasSuffix(": error: options[1].breakeven_month: expected a month from 1 to 3, or null for never, found 7") == true)
    }

    @Test func figuresThatDoNotAddUpAreLocated() throws {
        // The API's month 1 costs 1e6 requests × 1,000 tokens × $1 per million = $1,000.
        let requests = try Self.tampered(#""requests" : 1000000"#, #""requests" : -1000000"#)
        #expect(requests.errors == ["\(try Self.place(of: #""requests" : -1000000"#, in: requests.text)): error: options[0].months[0].requests: expected a number of 0 or more, found -1000000"])
        let cumulative = try Self.tampered(#""cumulative_cost" : 1000,"#, #""cumulative_cost" : 100,"#)
        #expect(cumulative.errors.first == "\(try Self.place(of: #""cumulative_cost" : 100,"#, in: cumulative.text)): error: options[0].months[0].cumulative_cost: expected 1000 (the cumulative cost before this month plus its total_cost), found 100")
        // self saves 3,000 − 5,100 = −2,100; edited to a saving.
        let savings = try Self.tampered(#""savings_vs_baseline" : -2100"#, #""savings_vs_baseline" : 2100"#)
        #expect(savings.errors == ["\(try Self.place(of: #""savings_vs_baseline" : 2100"#, in: savings.text)): error: options[1].savings_vs_baseline: expected -2100 (the baseline's total cost less this option's), found 2100"])
    }

    @Test func textWithControlCharactersIsRefused() throws {
        let t = try Self.tampered(#""name" : "test""#, #""name" : "te\u001bst""#)
        #expect(t.errors == ["\(try Self.place(of: #""name" : "te"#, in: t.text)): error: scenario.name: expected text without control characters, found \"te\u{1B}st\""])
    }

    @Test func everyOtherCheckSaysWhatItExpected() throws {
        // Each edit, and the message it gives (the location is checked by the tests above).
        let cases: [(old: String, new: String, message: String)] = [
            (#""currency" : "USD""#, #""currency" : "dollars""#, #"scenario.currency: expected a 3-letter currency code such as USD, found "dollars""#),
            (#""baseline" : "api""#, #""baseline" : "gone""#, #"baseline: expected one of the options' ids (api, self), found "gone""#),
            (#""id" : "self""#, #""id" : "api""#, #"options[1].id: expected an id no other option has, found "api""#),
            (#""date" : "2026-05""#, #""date" : "2027-05""#, #"options[0].months[1].date: expected "2026-05", found "2027-05""#),
            (#""month" : 2"#, #""month" : 7"#, "options[0].months[1].month: expected month 2, found 7"),
            (#""discount_rate" : 0"#, #""discount_rate" : -1"#, "scenario.discount_rate: expected a rate above -1, found -1"),
            (#""unmet_requests" : 0,"#, #""unmet_requests" : -5,"#, "options[0].months[0].unmet_requests: expected a number of 0 or more, found -5"),
            (#""gpus" : 1,"#, #""gpus" : -1,"#, "options[1].months[0].gpus: expected a number of 0 or more, found -1"),
        ]
        for c in cases {
            let t = try Self.tampered(c.old, c.new)
            #expect(t.errors.contains { $0.hasSuffix(": error: " + c.message) }, "\(t.errors)")
        }
        // The API's total, 3 × $1,000 = $3,000, is the last month's cumulative cost.
        let total = try Self.tampered(#""total_cost" : 3000,"#, #""total_cost" : 2999,"#)
        #expect(total.errors.contains { $0.hasSuffix("options[0].total_cost: expected 3000 (the last month's cumulative cost), found 2999") })
    }
}

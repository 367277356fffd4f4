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
}

import Testing
@testable import BreakevenCore

/// Every message a user can get from a bad scenario, as exact strings: one run reports every
/// problem, sorted by position, with line:column and the JSON path.
@Suite("Invalid scenarios")
struct ScenarioErrorTests {
    @Test func everyProblemOfAFileAtOnce() {
        let text = """
            {
              "version": 1,
              "name": "bad",
              "start": "2026-13",
              "months": 300,
              "workload": {
                "requests_per_month": 1000,
                "requests_per_day": 10,
                "input_tokens_per_request": -5,
                "output_tokens_per_request": "many",
                "growth": { "monthly_rate": 0.1, "annual_rate": 0.2 },
                "load_shape": { "hourly": [1, 2] }
              },
              "options": [
                { "id": "gpt", "type": "api", "prices": { "input_per_mtok": 1, "outptu_per_mtok": 2 } },
                { "id": "self", "type": "self_hosted", "gpu_hourly": -2, "throughput": { "output_tokens_per_second": 0, "input_tokens_per_second": 100 }, "scaling": "dynamic" },
                { "id": "gpt", "type": "apii" },
                { "id": "sub", "type": "subscription", "monthly_fee": 20, "overflow": "slef" }
              ],
              "baseline": "gtp"
            }
            """
        #expect(ScenarioText.errors(text) == [
            #"x.json:4:12: error: start: expected a month "YYYY-MM", found "2026-13""#,
            "x.json:5:13: error: months: expected an integer from 1 to 240, found 300",
            #"x.json:8:5: error: workload.requests_per_day: "requests_per_day" cannot be given together with "requests_per_month""#,
            "x.json:9:33: error: workload.input_tokens_per_request: expected a number from 0 to 1e8, found -5",
            #"x.json:10:34: error: workload.output_tokens_per_request: expected a number from 0 to 1e8, found "many""#,
            #"x.json:11:38: error: workload.growth.annual_rate: "annual_rate" cannot be given together with "monthly_rate""#,
            "x.json:12:31: error: workload.load_shape.hourly: expected exactly 24 elements, found 2",
            #"x.json:15:45: error: options[0].prices: missing required key "output_per_mtok" (or a catalog "model")"#,
            #"x.json:15:68: error: options[0].prices.outptu_per_mtok: unknown key "outptu_per_mtok"; did you mean "output_per_mtok"?"#,
            "x.json:16:58: error: options[1].gpu_hourly: expected a number from 0 to 1000, found -2",
            "x.json:16:106: error: options[1].throughput.output_tokens_per_second: expected a number from 0.001 to 1e7, found 0",
            #"x.json:16:154: error: options[1].scaling: expected one of "static", "hourly", found "dynamic""#,
            #"x.json:17:13: error: options[2].id: duplicate option id "gpt" (first used by options[0])"#,
            #"x.json:17:28: error: options[2].type: expected one of "api", "self_hosted", "owned_hardware", "subscription", "provisioned", "switch", "mix", found "apii"; did you mean "api"?"#,
            #"x.json:18:75: error: options[3].overflow: unknown option id "slef"; did you mean "self"?"#,
            #"x.json:20:15: error: baseline: unknown option id "gtp"; did you mean "gpt"?"#,
        ])
    }

    /// A workload the check refused part of is no workload to size a derived throughput for: the
    /// workload's error is reported, not also "output_tokens must be at least 1, found 0" at the
    /// option, which only repeated it (what `fit --into` once led to with classes and a workload
    /// cache_write_share).
    @Test func aRefusedWorkloadIsNotAlsoBlamedOnTheOptionsSizedForIt() {
        let gpu = #"{ "id": "gpu", "type": "self_hosted", "gpu_hourly": 2, "throughput": "derived", "precision": "bf16", "model": { "total_parameters": 8e9, "layers": 32, "hidden_size": 4096, "attention_heads": 32, "kv_heads": 8, "head_dimension": 128 }, "gpu": { "memory_gb": 80, "bandwidth_tbps": 3.35, "bf16_tflops": 989 } }"#
        let api = #"{ "id": "api", "type": "api", "prices": { "input_per_mtok": 1, "output_per_mtok": 2 } }"#
        let workload = """
            { "requests_per_month": 1000, "cache_write_share": 0.1,
              "request_classes": [{ "name": "a", "share": 1, "input_tokens_per_request": 1000, "output_tokens_per_request": 100 }] }
            """
        #expect(ScenarioText.errors(ScenarioText.document(workload: workload, options: [api, gpu])) == [
            #"x.json:8:3: error: workload.request_classes: "request_classes" cannot be given together with "cache_write_share""#,
        ])
    }

    @Test func jsonSyntaxErrorWithItsPlace() {
        let text = "{\n  \"version\": 1,\n  \"name\": \"x\",\n  \"start\": \"2026-01\"\n  \"months\": 2\n}\n"
        #expect(ScenarioText.errors(text) == [#"x.json:5:3: error: expected ',' or '}' after the value of "start", found '"'"#])
    }

    @Test func invalidUTF8WithItsPlace() {
        let bytes: [UInt8] = Array(#"{ "version": 1, "name": "caf"#.utf8) + [0xE9] + Array(#"" }"#.utf8)
        do {
            _ = try ScenarioLoader.load(bytes, file: "x.json")
            Issue.record("accepted invalid UTF-8")
        } catch {
            #expect(error.formatted == "x.json:1:29: error: invalid UTF-8 byte 0xE9")
        }
    }

    @Test func truncatedFile() {
        #expect(ScenarioText.errors(#"{ "version": 1, "name": "x"#) == [
            #"x.json:1:27: error: unterminated string: expected '"', found the end of the file"#,
        ])
    }

    @Test func versionRunawayGrowthAndNoOptions() {
        let text = #"{ "version": 2, "name": "x", "start": "2026-01", "months": 240, "workload": { "requests_per_month": 1, "input_tokens_per_request": 1, "output_tokens_per_request": 1, "growth": { "monthly_rate": 10 } }, "options": [] }"#
        #expect(ScenarioText.errors(text) == [
            "x.json:1:14: error: version: unsupported version 2; this breakeven reads version 1",
            "x.json:1:177: error: workload.growth: the workload reaches 8.4e15 tokens in month 16; at most 1e15 tokens a month are supported",
            "x.json:1:214: error: options: expected 1 to 50 elements, found 0",
        ])
    }

    @Test func missingKeysAndMissingAlternatives() {
        let text = #"{ "version": 1, "workload": { "output_tokens_per_request": 5 }, "options": [ { "type": "self_hosted" } ] }"#
        #expect(ScenarioText.errors(text) == [
            #"x.json:1:1: error: missing required key "name""#,
            #"x.json:1:1: error: missing required key "start""#,
            #"x.json:1:29: error: workload: expected either "requests_per_month" or "requests_per_day", found none"#,
            #"x.json:1:29: error: workload: missing key "input_tokens_per_request", which goes with "output_tokens_per_request""#,
            #"x.json:1:78: error: options[0]: missing required key "gpu_hourly" (or a catalog "gpu" with offers, a "gpu_offer" or a "commitment")"#,
            #"x.json:1:78: error: options[0]: missing required key "id""#,
            #"x.json:1:78: error: options[0]: missing required key "throughput""#,
        ])
    }

    @Test func requestClassSharesMustSumToOne() {
        let text = ScenarioText.document(workload: """
            { "requests_per_month": 10, "request_classes": [
              { "name": "a", "share": 0.5, "input_tokens_per_request": 1, "output_tokens_per_request": 1 },
              { "name": "b", "share": 0.4, "input_tokens_per_request": 1, "output_tokens_per_request": 1 } ] }
            """, options: [#"{ "id": "a", "type": "api", "prices": { "input_per_mtok": 1, "output_per_mtok": 1 } }"#])
        #expect(ScenarioText.errors(text) == ["x.json:7:62: error: workload.request_classes: expected shares that sum to 1, found a sum of 0.9"])
    }

    @Test func overflowMustBeAnAPIOption() {
        let text = ScenarioText.document(workload: #"{ "requests_per_month": 10, "input_tokens_per_request": 1, "output_tokens_per_request": 1 }"#, options: [
            #"{ "id": "gpu", "type": "self_hosted", "gpu_hourly": 1, "throughput": { "output_tokens_per_second": 1, "input_tokens_per_second": 1 } }"#,
            #"{ "id": "sub", "type": "subscription", "monthly_fee": 20, "overflow": "gpu" }"#,
        ])
        #expect(ScenarioText.errors(text) == [#"x.json:9:71: error: options[1].overflow: expected the id of an api option or "unmet", found "gpu" (a self_hosted option)"#])
    }

    @Test func allZeroHourlyShapeAndDuplicateKey() {
        let zeros = Array(repeating: "0", count: 24).joined(separator: ",")
        let text = ScenarioText.document(workload: #"{ "requests_per_month": 10, "requests_per_month": 20, "input_tokens_per_request": 1, "output_tokens_per_request": 1, "load_shape": { "hourly": [\#(zeros)] } }"#,
                                         options: [#"{ "id": "a", "type": "api", "prices": { "input_per_mtok": 1, "output_per_mtok": 1 } }"#])
        #expect(ScenarioText.errors(text) == [
            #"x.json:7:43: error: workload.requests_per_month: duplicate key "requests_per_month""#,
            "x.json:7:158: error: workload.load_shape.hourly: expected at least one weight above 0, found all 24 zero",
        ])
    }

    @Test func overridesAreCheckedLikeTheFile() {
        let text = ScenarioText.document(workload: #"{ "requests_per_month": 10, "input_tokens_per_request": 1, "output_tokens_per_request": 1 }"#,
            options: [#"{ "id": "self", "type": "self_hosted", "gpu_hourly": 1, "throughput": { "output_tokens_per_second": 1, "input_tokens_per_second": 1 } }"#])
        #expect(ScenarioText.errors(text, overrides: ["options.slef.gpu_hourly=1.9"]) == [
            #"--set options.slef.gpu_hourly=1.9: error: options.slef: unknown option id "slef"; did you mean "self"?"#,
        ])
        #expect(ScenarioText.errors(text, overrides: ["options.self.gpu_hourly=-3"]) == [
            "--set options.self.gpu_hourly=-3: error: options[0].gpu_hourly: expected a number from 0 to 1000, found -3",
        ])
        #expect(ScenarioText.errors(text, overrides: ["options.self.gpu_hourli=2"]) == [
            #"--set options.self.gpu_hourli=2: error: options[0].gpu_hourli: unknown key "gpu_hourli"; did you mean "gpu_hourly"?"#,
        ])
        // A whole option replaced by a number: the checker judges it where the option stood.
        #expect(ScenarioText.errors(text, overrides: ["options.self=3"]) == [
            "--set options.self=3: error: options[0]: expected an object, found 3",
        ])
    }

    @Test func overridesChangeTheScenario() throws {
        let text = ScenarioText.document(workload: #"{ "requests_per_month": 10, "input_tokens_per_request": 1, "output_tokens_per_request": 1 }"#,
            options: [#"{ "id": "self", "type": "self_hosted", "gpu_hourly": 1, "throughput": { "output_tokens_per_second": 1, "input_tokens_per_second": 1 } }"#])
        let s = try ScenarioText.scenario(text, overrides: ["options.self.gpu_hourly=1.9", "workload.growth.monthly_rate=0.1"])
        let d = try #require(s.options[0].terms(SelfHostedDeployment.self))
        #expect(d.gpuHourly == 1.9)
        #expect(s.workload.growth == .monthlyRate(0.1))
        #expect(s.assumptions.contains(Assumption(path: "options.self.gpu_hourly", value: "1.9", source: .override, title: "GPU price", unit: .money(per: "GPU-hour"))))
    }
}

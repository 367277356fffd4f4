import Testing
@testable import BreakevenCore

/// Values that used to crash or print `nan` (issue 11): each is a located error, from the file and
/// from `--set`, and nothing is built from a value the checker refused.
@Suite("Hardening of the language")
struct HardeningTests {
    static let workload = #"{ "requests_per_month": 1000, "input_tokens_per_request": 100, "output_tokens_per_request": 10 }"#
    static let api = #"{ "id": "api", "type": "api", "prices": { "input_per_mtok": 1, "output_per_mtok": 2 } }"#

    @Test func integerKeysOutOfRangeAreErrorsNotTraps() {
        // Int(1e300) traps; every integer key is read only once the checker accepted it.
        let text = ScenarioText.document(months: 12, workload: """
            { "requests_per_month": 1000, "input_tokens_per_request": 100, "output_tokens_per_request": 10,
              "phases": [ { "name": "a", "until_month": 1e300 } ] }
            """, options: [Self.api,
            #"{ "id": "gpu", "type": "self_hosted", "gpu_hourly": 2, "throughput": "derived", "gpu": { "memory_gb": 80, "bandwidth_tbps": 3.35, "bf16_tflops": 989 }, "model": { "total_parameters": 8e9, "layers": 32, "hidden_size": 4096, "attention_heads": 32, "kv_heads": 8, "head_dimension": 128, "context_length": -1e300, "latent_kv_values": 2.5 }, "tensor_parallel": 1e300, "max_batch": -5, "precision": "bf16" }"#,
            #"{ "id": "box", "type": "owned_hardware", "purchase_price": 1000, "units": 1e300, "throughput": { "output_tokens_per_second": 10, "input_tokens_per_second": 10 } }"#,
            #"{ "id": "sw", "type": "switch", "from": "api", "to": "box", "at_month": 1e300 }"#,
        ])
        #expect(ScenarioText.errors(text) == [
            "x.json:8:45: error: workload.phases[0].until_month: expected an integer from 1 to 240, found 1e300",
            "x.json:10:303: error: options[1].model.context_length: expected an integer from 1 to 1e8, found -1e300",
            "x.json:10:331: error: options[1].model.latent_kv_values: expected an integer from 1 to 1000000, found 2.5",
            "x.json:10:357: error: options[1].tensor_parallel: expected an integer from 1 to 8, found 1e300",
            "x.json:10:377: error: options[1].max_batch: expected an integer from 1 to 100000, found -5",
            "x.json:11:75: error: options[2].units: expected an integer from 1 to 10000, found 1e300",
            "x.json:12:73: error: options[3].at_month: expected an integer from 1 to 240, found 1e300",
        ])
    }

    /// Figures that each fit their range but contradict one another (issue 11's "every problem at
    /// once"): each is reported at its key, as the catalog's CHECK rules refuse them, rather than
    /// as one capacity error at `throughput` that named only the first.
    @Test func figuresOutOfOrderAreReportedAtTheirKeys() {
        let text = ScenarioText.document(workload: Self.workload, options: [Self.api,
            #"{ "id": "gpu", "type": "self_hosted", "gpu_hourly": 2, "throughput": "derived", "gpu": { "memory_gb": 80, "bandwidth_tbps": 3.35, "bf16_tflops": 989 }, "model": { "total_parameters": 1.54e9, "active_parameters": 3e9, "layers": 28, "hidden_size": 1536, "attention_heads": 12, "kv_heads": 24, "head_dimension": 128, "experts": 4, "experts_per_token": 8 } }"#,
            #"{ "id": "box", "type": "owned_hardware", "purchase_price": 1000, "watts_busy": 100, "watts_idle": 400, "throughput": { "output_tokens_per_second": 10, "input_tokens_per_second": 10 } }"#,
            // Busy left at its default of 0 W: an idle draw alone is a mistake too.
            #"{ "id": "box2", "type": "owned_hardware", "purchase_price": 1000, "watts_idle": 50, "throughput": { "output_tokens_per_second": 10, "input_tokens_per_second": 10 } }"#,
        ])
        #expect(ScenarioText.errors(text).map { $0.split(separator: " error: ").last.map(String.init) ?? $0 } == [
            "options[1].model.active_parameters: expected at most total_parameters (1.54e9), found 3e9",
            "options[1].model.kv_heads: expected at most attention_heads (12), found 24",
            "options[1].model.experts_per_token: expected at most experts (4), found 8",
            "options[2].watts_idle: expected at most watts_busy (100), found 400",
            "options[3].watts_idle: expected at most watts_busy (0), found 50",
        ])
    }

    /// Numbers in messages read as a person writes them; large ones used to print as
    /// `1540000000.0`.
    @Test func numbersInMessagesReadAsWritten() {
        #expect(NumberBounds.format(0.7) == "0.7")
        #expect(NumberBounds.format(240) == "240")
        #expect(NumberBounds.format(1e15) == "1e15")
        #expect(NumberBounds.format(1.54e9) == "1.54e9")
        #expect(NumberBounds.format(-3e9) == "-3e9")
        // A mantissa too long to read (3.2762123265) is better read whole.
        #expect(NumberBounds.format(32_762_123_265) == "32762123265")
        #expect(NumberBounds.format(.infinity) == "inf")
    }

    @Test func integerKeysFromSetAreErrorsToo() {
        let text = ScenarioText.document(months: 12, workload: Self.workload, options: [Self.api,
            #"{ "id": "sw", "type": "switch", "from": "api", "to": "api2", "at_month": 3 }"#,
            #"{ "id": "api2", "type": "api", "prices": { "input_per_mtok": 1, "output_per_mtok": 1 } }"#])
        #expect(ScenarioText.errors(text, overrides: ["options.sw.at_month=1e308", "months=-7"]) == [
            "--set months=-7: error: months: expected an integer from 1 to 240, found -7",
            "--set options.sw.at_month=1e308: error: options[1].at_month: expected an integer from 1 to 240, found 1e308",
        ])
    }

    @Test func degenerateNumbersAreOutsideTheirRanges() {
        // A throughput of 1e-300 token/s or a utilization of 5e-324 would size infinitely many replicas.
        let text = ScenarioText.document(workload: Self.workload, options: [Self.api,
            #"{ "id": "gpu", "type": "self_hosted", "gpu_hourly": 2, "throughput": { "output_tokens_per_second": 1e-300, "input_tokens_per_second": 100 }, "max_utilization": 5e-324 }"#])
        #expect(ScenarioText.errors(text) == [
            "x.json:9:100: error: options[1].throughput.output_tokens_per_second: expected a number from 0.001 to 1e7, found 1e-300",
            "x.json:9:161: error: options[1].max_utilization: expected a number from 0.01 to 1, found 5e-324",
        ])
    }

    @Test func textWithControlCharactersAndCurrenciesThatAreNotCodes() {
        let text = #"{ "version": 1, "name": "x\u001b[31m", "start": "2027-01", "currency": "euro", "workload": \#(Self.workload), "options": [ { "id": "api", "type": "api", "label": "A\u202eB", "prices": { "input_per_mtok": 1, "output_per_mtok": 2 } } ] }"#
        #expect(ScenarioText.errors(text) == [
            #"x.json:1:25: error: name: expected text without control characters, found U+001B in "x\u{1B}[31m""#,
            #"x.json:1:72: error: currency: expected a 3-letter currency code such as "EUR", found "euro""#,
            #"x.json:1:242: error: options[0].label: expected text without control characters, found U+202E in "A\u{202E}B""#,
        ])
    }

    static func uncertain(_ inputs: String) -> String {
        ScenarioText.document(months: 12, workload: Self.workload, options: [Self.api], extra: """
            ,
              "uncertainty": { "trials": 10, "inputs": { \(inputs) } }
            """)
    }

    @Test func distributionsThatCannotDrawWhatTheySay() {
        // A normal of sd 1e300 puts about 1e-299 of itself between -1 and 10 (0 once the CDF rounds): every trial would draw its mean.
        #expect(ScenarioText.errors(Self.uncertain(#""options.api.price_change_per_year": { "normal": { "mean": 0, "sd": 1e300 } }"#)) == [
            "x.json:9:114: error: uncertainty.inputs.options.api.price_change_per_year.normal.sd: expected a spread that keeps at least one draw in a million inside the range of options.api.price_change_per_year (a number > -1 and ≤ 10), found 1e300, which keeps 0 of them: every trial would draw the same value",
        ])
        // 1e308 + 1e308 overflows: each weight's share of an infinite sum is 0.
        #expect(ScenarioText.errors(Self.uncertain(#""options.api.discount": { "choice": [[0.1, 1e308], [0.2, 1e308]] }"#)) == [
            "x.json:9:82: error: uncertainty.inputs.options.api.discount.choice: expected weights whose sum is a finite number, found a sum too large to represent; scale them down",
        ])
    }

    @Test func aNonFiniteFigureIsNamedByItsOption() throws {
        let s = try ScenarioText.scenario(workload: Self.workload, options: [Self.api])
        var result = BreakevenAnalysis.analyse(s, Simulator.project(s))
        #expect(result.nonFiniteFigure == nil)
        result.options[0].months[0].costs.api = .infinity
        #expect(result.nonFiniteFigure == "option api: months[0].costs.api is inf")
    }
}

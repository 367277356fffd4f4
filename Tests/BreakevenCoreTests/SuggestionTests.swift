import Testing
@testable import BreakevenCore

/// "Did you mean": completions first, then typos.
@Suite("Did you mean")
struct SuggestionTests {
    static let gpus = ["a100-80gb", "b200", "h100-pcie", "h100-sxm", "h200", "l40s"]

    @Test func whatWasTypedStartingAnIdWinsOverAnIdOneEditAway() {
        // "h100" is one edit from "h200", and the start of two ids: the shorter completion.
        #expect(Suggestion.closest(to: "h100", in: Self.gpus) == "h100-sxm")
        #expect(Suggestion.closest(to: "H100-S", in: Self.gpus) == "h100-sxm")
        #expect(Suggestion.closest(to: "h100-p", in: Self.gpus) == "h100-pcie")
        // A catalog path's last part counts as the id.
        #expect(Suggestion.closest(to: "gpt-4", in: ["openai/gpt-4o-mini", "openai/gpt-4.1", "openai/o3"]) == "openai/gpt-4.1")
    }

    @Test func thenAnIdThatContainsIt() {
        let keys = ["hardware", "purchase_price", "hardware_price_change_per_year", "units", "electricity_per_kwh"]
        #expect(Suggestion.closest(to: "price", in: keys) == "purchase_price")
        #expect(Suggestion.closest(to: "electricity", in: keys) == "electricity_per_kwh")
    }

    @Test func elseTheNearestTypo() {
        #expect(Suggestion.closest(to: "outptu_per_mtok", in: ["input_per_mtok", "output_per_mtok"]) == "output_per_mtok")
        #expect(Suggestion.closest(to: "h10", in: Self.gpus) == "h100-sxm")
        #expect(Suggestion.closest(to: "b20o", in: Self.gpus) == "b200")
        // A word that holds a key: the longest key it holds.
        #expect(Suggestion.closest(to: "gpu_hourly_usd", in: ["gpu", "gpu_hourly", "min_replicas"]) == "gpu_hourly")
        // Too far from anything: no guess.
        #expect(Suggestion.closest(to: "zzz", in: Self.gpus) == nil)
        // Two letters complete too many words: only a typo counts.
        #expect(Suggestion.closest(to: "h1", in: ["h100-sxm", "xh1abc"]) == nil)
    }

    static let workload = #"{ "requests_per_month": 1000, "input_tokens_per_request": 100, "output_tokens_per_request": 100 }"#
    static let api = #"{ "id": "api", "type": "api", "prices": { "input_per_mtok": 1, "output_per_mtok": 1 } }"#

    @Test func priceOnOwnedHardwareMeansPurchasePrice() {
        let box = #"{ "id": "box", "type": "owned_hardware", "price": 2000, "units": 1, "throughput": { "output_tokens_per_second": 50, "input_tokens_per_second": 500 } }"#
        #expect(ScenarioText.errors(ScenarioText.document(workload: Self.workload, options: [Self.api, box])) == [
            #"x.json:9:1: error: options[1]: missing required key "purchase_price" (or a catalog "hardware")"#,
            #"x.json:9:42: error: options[1].price: unknown key "price"; did you mean "purchase_price"?"#,
        ])
    }

    @Test func aPlainTypoStillFindsItsKey() {
        let gpu = #"{ "id": "gpu", "type": "self_hosted", "gpu_hourli": 2, "throughput": { "output_tokens_per_second": 50, "input_tokens_per_second": 500 } }"#
        #expect(ScenarioText.errors(ScenarioText.document(workload: Self.workload, options: [Self.api, gpu])) == [
            #"x.json:9:1: error: options[1]: missing required key "gpu_hourly" (or a catalog "gpu" with offers, a "gpu_offer" or a "commitment")"#,
            #"x.json:9:39: error: options[1].gpu_hourli: unknown key "gpu_hourli"; did you mean "gpu_hourly"?"#,
        ])
    }
}

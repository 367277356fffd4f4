import Testing
@testable import BreakevenCore

/// `provisioned`: reserved model capacity sized for the peak hour, by hand. January 2027 has 31
/// days (744 hours, 44,640 minutes); 4,464,000 requests a month are 100 a minute on average, and a
/// peak-to-average of 2 makes the peak hour 200 a minute.
@Suite("Provisioned capacity")
struct ProvisionedCostTests {
    static func workload(_ extra: String = "") -> String {
        #"{ "requests_per_month": 4464000, "input_tokens_per_request": 1000, "output_tokens_per_request": 200, "load_shape": { "peak_to_average": 2 }\#(extra) }"#
    }
    static let api = #"{ "id": "api", "type": "api", "prices": { "input_per_mtok": 2, "output_per_mtok": 8 } }"#
    /// Azure-like PTUs: an output token counts as 4 input tokens, 15 units at least, in steps of 5.
    static let ptu = #""input_tokens_per_minute_per_unit": 2500, "output_token_weight": 4, "cached_input_weight": 0, "min_units": 15, "unit_increment": 5"#

    static func month(_ options: [String], _ id: String, months: Int = 1, workload: String = workload()) throws -> [MonthlyProjection] {
        try #require(ScenarioText.project(ScenarioText.scenario(start: "2027-01", months: months, workload: workload, options: options))[id])
    }

    @Test func unitsAreSizedForThePeakHourInSteps() throws {
        // A request weighs 1,000 + 4 × 200 = 1,800 input tokens of capacity: 0.72 of a 2,500-token unit a minute.
        // 200 a minute × 0.72 = 144 units, in steps of 5: 145; 145 × $1 × 744 hours = $107,880.
        let m = try Self.month([Self.api, #"{ "id": "ptu", "type": "provisioned", "unit_price_per_hour": 1, \#(Self.ptu) }"#], "ptu")
        #expect(m[0].replicas == 145)
        #expect(close(m[0].costs.provisioned, 107_880))
        #expect(close(m[0].totalCost, 107_880))
    }

    @Test func fixedUnitsOverflowToAnAPIInThePeakHour() throws {
        // 100 units serve 100 / 0.72 = 138.89 requests a minute; the peak hour's 200 leave 61.11 a minute over,
        // 61.11 × 60 × 31 = 113,666.67 requests a month, at 1,000 × $2 + 200 × $8 per million = $0.0036 each: $409.20.
        // The units: 100 × 744 × $1 = $74,400.
        let m = try Self.month([Self.api, #"{ "id": "ptu", "type": "provisioned", "units": 100, "overflow": "api", "unit_price_per_hour": 1, \#(Self.ptu) }"#], "ptu")
        #expect(close(m[0].costs.provisioned, 74_400))
        #expect(close(m[0].costs.api, 409.2))
        #expect(m[0].unmetRequests == 0)
        // Without an overflow, those requests go unmet.
        let unmet = try Self.month([Self.api, #"{ "id": "ptu", "type": "provisioned", "units": 100, "unit_price_per_hour": 1, \#(Self.ptu) }"#], "ptu")
        #expect(close(unmet[0].unmetRequests, 113_666.666_666_7, tolerance: 1e-9))
    }

    @Test func inputAndOutputBoughtApart() throws {
        // Scale-Tier-like: 200 a minute × 1,000 = 200,000 input tokens a minute over 30,000 a unit: 6.67, so 7
        // input units at $5; 200 × 200 = 40,000 output tokens a minute over 2,500: 16 output units at $2.
        // (7 × 5 + 16 × 2) × 744 = $49,848.
        let m = try Self.month([Self.api, """
            { "id": "scale", "type": "provisioned", "unit_price_per_hour": 5, "input_tokens_per_minute_per_unit": 30000,
              "output_unit_price_per_hour": 2, "output_tokens_per_minute_per_unit": 2500 }
            """], "scale")
        #expect(m[0].replicas == 23)
        #expect(close(m[0].costs.provisioned, 49_848))
    }

    @Test func unitsRiseWithinATermAndFallOnlyWhenItEnds() throws {
        // Volume halves from February. January needs 145 units (above). February: 2,232,000 requests over its
        // 40,320 minutes, peak 110.71 a minute × 0.72 = 79.7, so 80 — but the 2-month term keeps January's 145:
        // 145 × 672 hours = $97,440. March starts a new term: 50 a minute on average, peak 100 × 0.72 = 72, so 75:
        // 75 × 744 = $55,800.
        let m = try Self.month([Self.api, #"{ "id": "ptu", "type": "provisioned", "unit_price_per_hour": 1, "term_months": 2, \#(Self.ptu) }"#],
                               "ptu", months: 3, workload: Self.workload(#", "growth": { "schedule": [1, 0.5] }"#))
        #expect(m.map(\.replicas) == [145, 145, 75])
        #expect(close(m[1].totalCost, 97_440) && close(m[2].totalCost, 55_800))
    }

    /// Units reserved for a term are reserved as GPUs are: each purchase runs its own term. The
    /// volume doubles in February and halves in March. January buys 145 units (above) for January
    /// and February. February (28 days, 40,320 minutes): 8,928,000 requests, 221.43 a minute,
    /// peak 442.86 × 0.72 = 318.9, so 320: it buys 175 more, for February and March; 320 × 672
    /// hours = $215,040. March needs 75 (above) but still holds February's 175: 175 × 744 =
    /// $130,200 (the units do not fall with a term that began in January). April (43,200 minutes):
    /// 2,232,000 requests, 51.67 a minute, peak 103.33 × 0.72 = 74.4, so 75, bought anew:
    /// 75 × 720 = $54,000.
    @Test func eachPurchaseOfUnitsRunsItsOwnTerm() throws {
        let m = try Self.month([Self.api, #"{ "id": "ptu", "type": "provisioned", "unit_price_per_hour": 1, "term_months": 2, \#(Self.ptu) }"#],
                               "ptu", months: 4, workload: Self.workload(#", "growth": { "schedule": [1, 2, 0.5, 0.5] }"#))
        #expect(m.map(\.replicas) == [145, 320, 175, 75])
        #expect(close(m[1].totalCost, 215_040) && close(m[2].totalCost, 130_200) && close(m[3].totalCost, 54_000))
    }

    /// A reservation's price is the price of the month it was bought: a falling price trend
    /// lowers the next term, not the one running. 20 units at $260 a unit-month for 12 months,
    /// the price halving each year: months 1 to 12 pay 20 × $260 = $5,200; month 13 renews at
    /// half the price, $2,600.
    @Test func aReservationKeepsThePriceItWasBoughtAt() throws {
        let m = try Self.month([Self.api, #"{ "id": "ptu", "type": "provisioned", "units": 20, "unit_price_per_month": 260, "term_months": 12, "price_change_per_year": -0.5, "input_tokens_per_minute_per_unit": 100000 }"#],
                               "ptu", months: 13)
        #expect(m.map(\.totalCost) == Array(repeating: 5_200, count: 12) + [2_600])
    }

    @Test func aCatalogOfferFillsEveryKey() throws {
        let catalog = CatalogSnapshot(entries: [CatalogOffer(
            kind: "provisioned", id: "azure/test/global/hourly", provider: "azure", effectiveFrom: CalendarDay(year: 2026, month: 9, day: 23),
            values: ["unit_price_per_hour": 1, "input_tokens_per_minute_per_unit": 2500, "output_token_weight": 4, "cached_input_weight": 0,
                     "min_units": 15, "unit_increment": 5], source: "test offer")])
        let text = ScenarioText.document(start: "2027-01", workload: Self.workload(),
                                         options: [Self.api, #"{ "id": "ptu", "type": "provisioned", "offer": "azure/test/global/hourly" }"#])
        let loaded = try ScenarioLoader.load(Array(text.utf8), file: "x.json", catalog: catalog)
        let m = try #require(ScenarioText.project(loaded.scenario)["ptu"])
        #expect(close(m[0].totalCost, 107_880))
        #expect(loaded.scenario.assumptions.contains {
            $0.path == "options.ptu.unit_increment" && $0.value == "5" && $0.sourceDescription == "catalog azure/test/global/hourly (2026-09-23; test offer)"
        })
    }

    /// A yearly reservation's price is for a year: held for 6 months it would owe half of what
    /// Azure bills. With the offer's price the term is the offer's; a price written takes any term.
    @Test func anOffersPriceComesWithItsTerm() throws {
        let catalog = CatalogSnapshot(entries: [CatalogOffer(
            kind: "provisioned", id: "azure/test/global/yearly", provider: "azure", effectiveFrom: CalendarDay(year: 2026, month: 9, day: 23),
            values: ["unit_price_per_month": 221, "term_months": 12, "input_tokens_per_minute_per_unit": 2500, "min_units": 15, "unit_increment": 5],
            source: "test offer")])
        func errors(_ keys: String, extra: String = "") -> [String] {
            let text = ScenarioText.document(start: "2027-01", workload: Self.workload(), options: [Self.api,
                #"{ "id": "ptu", "type": "provisioned", "offer": "azure/test/global/yearly", "units": 15\#(keys) }"#], extra: extra)
            return ScenarioText.errors(text, catalog: catalog).map { $0.split(separator: " error: ").last.map(String.init) ?? $0 }
        }
        #expect(errors(#", "term_months": 6"#) == [
            "options[1].term_months: expected the term the catalog's price is sold for, 12 (azure/test/global/yearly) months, found 6: a price is for its own term; give unit_price_per_month for a contract of another length",
        ])
        #expect(errors(#", "term_months": 12"#) == [])
        #expect(errors(#", "term_months": 6, "unit_price_per_month": 240"#) == [])
        // Drawn in a trial, after the offer was read: the same rule.
        let drawn = errors("", extra: #", "uncertainty": { "inputs": { "options.ptu.term_months": { "choice": [[12, 1], [1, 1]] } } }"#)
        #expect(drawn.count == 1 && drawn[0].hasPrefix("uncertainty.inputs.options.ptu.term_months: at its 10th percentile, 1, the scenario is invalid: term_months: expected the term"), "\(drawn)")
    }

    /// Fixed units are a deployment the provider sells: at least the minimum, then whole steps
    /// (Azure's global PTUs: 15, 20, 25…). 10 or 17 units used to be priced as if sold.
    @Test func fixedUnitsAreADeploymentTheProviderSells() {
        let text = ScenarioText.document(workload: Self.workload(), options: [Self.api,
            #"{ "id": "ten", "type": "provisioned", "units": 10, "unit_price_per_hour": 1, \#(Self.ptu) }"#,
            #"{ "id": "odd", "type": "provisioned", "units": 17, "unit_price_per_hour": 1, \#(Self.ptu) }"#,
            #"{ "id": "ok", "type": "provisioned", "units": 20, "unit_price_per_hour": 1, \#(Self.ptu) }"#,
            #"{ "id": "out", "type": "provisioned", "unit_price_per_hour": 1, "input_tokens_per_minute_per_unit": 1000, "output_unit_price_per_hour": 2, "output_tokens_per_minute_per_unit": 1000, "output_units": 5, "min_output_units": 10 }"#])
        #expect(ScenarioText.errors(text).map { $0.split(separator: " error: ").last.map(String.init) ?? $0 } == [
            "options[1].units: expected at least min_units (15), found 10",
            "options[2].units: expected min_units (15) or a multiple of unit_increment (5) above it, found 17",
            "options[4].output_units: expected at least min_output_units (10), found 5",
        ])
    }

    @Test func drawnUnitsAreADeploymentTheProviderSellsToo() {
        // The p10 of uniform [10, 30] units is 10 + 0.1 × 20 = 12: fewer than the 15 sold.
        let text = ScenarioText.document(workload: Self.workload(), options: [Self.api,
            #"{ "id": "ptu", "type": "provisioned", "units": 20, "unit_price_per_hour": 1, \#(Self.ptu) }"#], extra: """
            ,
              "uncertainty": { "inputs": { "options.ptu.units": { "uniform": [10, 30] } } }
            """)
        #expect(ScenarioText.errors(text).map { $0.split(separator: " error: ").last.map(String.init) ?? $0 } == [
            "uncertainty.inputs.options.ptu.units: at its 10th percentile, 12, the scenario is invalid: units: expected min_units (15) or a multiple of unit_increment (5) above it, found 12 (the provider sells only these counts: draw units with choice, or sweep them in steps of unit_increment)",
        ])
        // Drawn with choice among counts it sells, the same units run.
        let choice = ScenarioText.document(workload: Self.workload(), options: [Self.api,
            #"{ "id": "ptu", "type": "provisioned", "units": 20, "unit_price_per_hour": 1, \#(Self.ptu) }"#], extra: """
            ,
              "uncertainty": { "inputs": { "options.ptu.units": { "choice": [[15, 1], [20, 2], [40, 1]] } } }
            """)
        #expect(ScenarioText.errors(choice) == [])
    }

    @Test func messages() {
        let text = ScenarioText.document(workload: Self.workload(), options: [Self.api,
            #"{ "id": "ptu", "type": "provisioned", "unit_price_per_hour": 1, "unit_price_per_month": 200, "overflow": "nope" }"#,
            #"{ "id": "out", "type": "provisioned", "unit_price_per_hour": 1, "input_tokens_per_minute_per_unit": 10, "output_unit_price_per_hour": 2 }"#])
        #expect(ScenarioText.errors(text) == [
            #"x.json:9:1: error: options[1]: missing required key "input_tokens_per_minute_per_unit" (or a catalog "offer")"#,
            #"x.json:9:89: error: options[1].unit_price_per_month: "unit_price_per_month" cannot be given together with "unit_price_per_hour""#,
            #"x.json:9:106: error: options[1].overflow: unknown option id "nope""#,
            #"x.json:10:1: error: options[2]: missing required key "output_tokens_per_minute_per_unit", which goes with an output unit price"#,
        ])
    }
}

import Testing
@testable import BreakevenCore

/// `--set` names list elements as the language declares them, like sweep axes and uncertainty
/// inputs, and a share it sets moves the shares it does not set, as a sweep point does.
@Suite("--set overrides")
struct ScenarioOverrideTests {
    static func api(_ id: String, _ price: Int) -> String {
        #"{ "id": "\#(id)", "type": "api", "prices": { "input_per_mtok": \#(price), "output_per_mtok": \#(price) } }"#
    }

    /// 1,000 Mtok a month (1e6 requests × 1,000 output tokens) to three APIs at $1, $2 and $4 per
    /// Mtok on shares 0.5, 0.3 and 0.2, beside a $1-per-Mtok baseline ($1,000).
    static let mixText = ScenarioText.document(workload: SwitchMixPhaseTests.workload, options: [
        api("api", 1), api("a", 1), api("b", 2), api("c", 4),
        #"{ "id": "mix", "type": "mix", "routes": [ { "option": "a", "share": 0.5 }, { "option": "b", "share": 0.3 }, { "option": "c", "share": 0.2 } ] }"#,
    ])

    static func mixCost(_ overrides: [String]) throws -> Double {
        let s = try ScenarioText.scenario(mixText, overrides: overrides)
        let mix = try #require(Simulator.project(s).options.first { $0.optionID == "mix" })
        return try #require(mix.months.first?.totalCost)
    }

    @Test func aRouteIsNamedByItsOptionAndItsShareMovesTheOthersInProportion() throws {
        // a = 0.2 leaves 0.8 to b and c in their 3 : 2 ratio, 0.48 and 0.32:
        // 1,000 × (0.2 × 1 + 0.48 × 2 + 0.32 × 4) = 200 + 960 + 1,280 = $2,440.
        #expect(close(try Self.mixCost(["options.mix.routes.a.share=0.2"]), 2_440))
        // The same share by index, 0.
        #expect(close(try Self.mixCost(["options.mix.routes.0.share=0.2"]), 2_440))
    }

    @Test func aSetShareRunsTheScenarioOfTheSweepPointAtThatShare() throws {
        let loaded = try ScenarioLoader.load(Array(Self.mixText.utf8), file: "t.json")
        let grid = try Sweep.run(loaded, x: try SweepAxis.parse("options.mix.routes.a.share=0.2..0.8:2", flag: "--x"), y: nil,
                                 metric: .savings, option: "mix", threads: 1)
        // Same arithmetic in the same order (ShareBalance): equal to the last bit, not just close.
        #expect(grid.savings(0, 0) == 1_000 - (try Self.mixCost(["options.mix.routes.a.share=0.2"])))
        #expect(grid.savings(1, 0) == 1_000 - (try Self.mixCost(["options.mix.routes.a.share=0.8"])))
    }

    @Test func sharesSetTogetherStayAsGivenInEitherOrder() throws {
        // a = 0.2 and b = 0.3 leave c the other 0.5: 1,000 × (0.2 + 0.6 + 2.0) = $2,800.
        #expect(close(try Self.mixCost(["options.mix.routes.a.share=0.2", "options.mix.routes.b.share=0.3"]), 2_800))
        #expect(close(try Self.mixCost(["options.mix.routes.b.share=0.3", "options.mix.routes.a.share=0.2"]), 2_800))
        // Every share set: nothing moves, 1,000 × (0.1 × 1 + 0.1 × 2 + 0.8 × 4) = $3,500.
        #expect(close(try Self.mixCost(["options.mix.routes.a.share=0.1", "options.mix.routes.b.share=0.1",
                                        "options.mix.routes.c.share=0.8"]), 3_500))
    }

    @Test func sharesThatCannotSumToOneAreRefused() {
        #expect(ScenarioText.errors(Self.mixText, overrides: ["options.mix.routes.a.share=0.9", "options.mix.routes.b.share=0.3"]) == [
            #"--set options.mix.routes.b.share=0.3: error: options.mix.routes: expected shares set with --set that sum to at most 1 (the others take what is left), found a sum of 1.2"#,
        ])
        // 0.7 + 0.6 is 1.2999999999999998 in binary: sums read rounded to a millionth, the check's tolerance.
        #expect(ScenarioText.errors(Self.mixText, overrides: ["options.mix.routes.a.share=0.7", "options.mix.routes.b.share=0.6"]).first?
            .hasSuffix("found a sum of 1.3") == true)
        // All three set: the checker judges the sum as it judges the file's.
        #expect(ScenarioText.errors(Self.mixText, overrides: ["options.mix.routes.a.share=0.6", "options.mix.routes.b.share=0.3",
                                                             "options.mix.routes.c.share=0.2"]).first?.hasSuffix(
            "options[4].routes: expected shares that sum to 1, found a sum of 1.1") == true)
    }

    @Test func removingARouteGivesItsShareToTheOthersInProportion() throws {
        // Without c, a and b keep their 5 : 3 ratio of the whole: 0.625 and 0.375:
        // 1,000 × (0.625 × 1 + 0.375 × 2) = 625 + 750 = $1,375.
        #expect(close(try Self.mixCost(["options.mix.routes.c=null"]), 1_375))
        // With a set to 0.2 as well, b takes the other 0.8, whichever comes first: 1,000 × (0.2 + 1.6) = $1,800.
        #expect(close(try Self.mixCost(["options.mix.routes.c=null", "options.mix.routes.a.share=0.2"]), 1_800))
        #expect(close(try Self.mixCost(["options.mix.routes.a.share=0.2", "options.mix.routes.c=null"]), 1_800))
    }

    @Test func aWholeListIsSetAsJSON() throws {
        // Every request to a, at $1 per Mtok: $1,000.
        #expect(close(try Self.mixCost([#"options.mix.routes=[{"option":"a","share":1}]"#]), 1_000))
        // Its own shares stay as written, even after a share of the old list was set.
        #expect(close(try Self.mixCost(["options.mix.routes.c.share=0.9", #"options.mix.routes=[{"option":"b","share":1}]"#]), 2_000))
    }

    @Test func aKeyOfAnotherAlternativeTakesThePlaceOfTheFilesOwn() throws {
        let text = ScenarioText.document(workload: #"{ "requests_per_month": 1000, "input_tokens_per_request": 0, "output_tokens_per_request": 1000, "growth": { "monthly_rate": 0.05 } }"#,
                                         options: [Self.api("api", 1)])
        #expect(try ScenarioText.scenario(text, overrides: ["workload.growth.annual_rate=0.5"]).workload.growth == .annualRate(0.5))
        #expect(try ScenarioText.scenario(text, overrides: ["workload.growth.logistic.ceiling=3", "workload.growth.logistic.steepness=0.5"])
            .workload.growth == .logistic(ceiling: 3, steepness: 0.5))
        #expect(try ScenarioText.scenario(text, overrides: [#"workload.growth={"schedule":[1,2]}"#]).workload.growth == .schedule([1, 2]))
        // The volume by the day rather than the month.
        #expect(try ScenarioText.scenario(text, overrides: ["workload.requests_per_day=50"]).workload.volume == .perDay(50))
        // A key an alternative only allows chooses none: the classes stay, and the checker says why it cannot be.
        let classes = #"{ "requests_per_month": 1000, "request_classes": [ { "name": "chat", "share": 1, "input_tokens_per_request": 0, "output_tokens_per_request": 1000 } ] }"#
        #expect(ScenarioText.errors(ScenarioText.document(workload: classes, options: [Self.api("api", 1)]), overrides: ["workload.cached_input_share=0.5"])
            == [#"x.json:7:45: error: workload.request_classes: "request_classes" cannot be given together with "cached_input_share""#])
        // Two alternatives both set on the command line are a conflict, as in the file.
        #expect(ScenarioText.errors(text, overrides: ["workload.growth.annual_rate=0.5", "workload.growth.schedule=[1]"]).count == 1)
    }

    @Test func nullRemovesAKeySoItsDefaultAppliesAgain() throws {
        let text = ScenarioText.document(workload: #"{ "requests_per_month": 1000, "input_tokens_per_request": 0, "output_tokens_per_request": 1000, "growth": { "monthly_rate": 0.05 } }"#,
                                         options: [Self.api("api", 1), Self.api("b", 2)])
        let s = try ScenarioText.scenario(text, overrides: ["workload.growth=null", "options.b=null"])
        #expect(s.workload.growth == .flat)
        #expect(s.options.map(\.id) == ["api"])
        // A key the file does not have: nothing to remove; a key the language does not have: a typo.
        #expect(ScenarioText.errors(text, overrides: ["workload.batch_share=null"]) == [])
        #expect(ScenarioText.errors(text, overrides: ["workload.growth.montly_rate=null"]) == [
            #"--set workload.growth.montly_rate=null: error: workload.growth.montly_rate: unknown key "montly_rate"; did you mean "monthly_rate"?"#,
        ])
    }

    @Test func aRequestClassIsNamedByItsNameAndItsShareMovesTheOthers() throws {
        // Two classes of 1,000 output tokens and 3,000 output tokens, 0.5 each, 1e6 requests at
        // $1/Mtok: 1,000 × 0.5 + 3,000 × 0.5 = 2,000 tokens a request = $2,000. chat = 0.8 leaves
        // long 0.2: 0.8 × 1,000 + 0.2 × 3,000 = 1,400 tokens a request = $1,400.
        let workload = """
            { "requests_per_month": 1000000, "request_classes": [
                { "name": "chat", "share": 0.5, "input_tokens_per_request": 0, "output_tokens_per_request": 1000 },
                { "name": "long", "share": 0.5, "input_tokens_per_request": 0, "output_tokens_per_request": 3000 } ] }
            """
        let text = ScenarioText.document(workload: workload, options: [Self.api("api", 1)])
        let s = try ScenarioText.scenario(text, overrides: ["workload.request_classes.chat.share=0.8"])
        #expect(close(Simulator.project(s).options[0].months[0].totalCost, 1_400))
        #expect(ScenarioText.errors(text, overrides: ["workload.request_classes.chta.share=0.8"]) == [
            #"--set workload.request_classes.chta.share=0.8: error: workload.request_classes.chta: unknown class "chta"; did you mean "chat"?"#,
        ])
    }

    @Test func anActualMonthIsNamedByItsMonth() throws {
        // ReplayTests' February, corrected from 200,000 output tokens to 700,000: 4e6 × $2 = 8.00
        // + 7e5 × $8 = 5.60 = 13.60, a quarter batch at half price: 13.60 × 0.875 = 11.90.
        let s = try ScenarioText.scenario(ScenarioText.document(months: 3, workload: ReplayTests.workload, options: [ReplayTests.api]),
                                          overrides: ["workload.actuals.2026-02.output_tokens=700000"])
        let replay = try #require(Simulator.replay(s))
        #expect(close(replay.options[0].months[1].costs.api, 11.9))
    }

    @Test func anUncertainInputIsNamedByItsWholePathThoughItHoldsDots() throws {
        let uncertainty = #", "uncertainty": { "trials": 100, "inputs": { "options.a.prices.output_per_mtok": { "uniform": [1, 2] } } }"#
        let text = ScenarioText.document(workload: SwitchMixPhaseTests.workload, options: [Self.api("api", 1), Self.api("a", 1)],
                                         extra: uncertainty)
        let s = try ScenarioText.scenario(text, overrides: ["uncertainty.inputs.options.a.prices.output_per_mtok.uniform.1=3",
                                                            "uncertainty.trials=200"])
        let plan = try #require(s.uncertainty)
        #expect(plan.trials == 200)
        #expect(plan.inputs.map(\.distribution) == [.uniform(lo: 1, hi: 3)])
    }

    @Test func aListWithoutNamesTakesAnIndexAndAMissingListIsSaidSo() {
        let text = ScenarioText.document(workload: SwitchMixPhaseTests.workload, options: [
            #"{ "id": "api", "type": "api", "prices": { "input_per_mtok": 1, "output_per_mtok": 1, "long_context": [ { "above_input_tokens": 200000, "input_per_mtok": 2, "output_per_mtok": 2 } ] } }"#,
            Self.api("b", 2),
        ])
        #expect(ScenarioText.errors(text, overrides: ["options.api.prices.long_context.0.input_per_mtok=3"]) == [])
        #expect(ScenarioText.errors(text, overrides: ["options.api.prices.long_context.1.input_per_mtok=3",
                                                      "options.b.prices.long_context.0.input_per_mtok=3"]) == [
            #"--set options.api.prices.long_context.1.input_per_mtok=3: error: options.api.prices.long_context.1: expected an index from 0 to 0, found "1""#,
            #"--set options.b.prices.long_context.0.input_per_mtok=3: error: options.b.prices.long_context: expected a "long_context" list in the file to set an element of, found none"#,
        ])
    }
}

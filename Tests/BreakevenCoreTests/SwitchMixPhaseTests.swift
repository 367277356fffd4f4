import Testing
@testable import BreakevenCore

@Suite("Switching, mixing and maturity phases")
struct SwitchMixPhaseTests {
    /// 1e6 requests of 1,000 output tokens a month: 1,000 Mtok.
    static let workload = #"{ "requests_per_month": 1000000, "input_tokens_per_request": 0, "output_tokens_per_request": 1000 }"#
    /// $1,000 a month.
    static let api = #"{ "id": "api", "type": "api", "prices": { "input_per_mtok": 1, "output_per_mtok": 1 } }"#
    /// $700 a month of team, $3,000 once.
    static let team = """
        { "id": "self", "type": "self_hosted", "gpu_hourly": 0,
          "throughput": { "output_tokens_per_second": 1000000, "input_tokens_per_second": 1000000 },
          "team": { "engineers": 1, "cost_per_engineer_per_year": 8400 }, "one_time": { "migration": 3000 } }
        """

    static func run(_ options: [String], months: Int = 12, workload: String = workload) throws -> (Scenario, [String: [MonthlyProjection]], BreakevenResult) {
        let s = try ScenarioText.scenario(months: months, workload: workload, options: options)
        let p = Simulator.project(s)
        return (s, Dictionary(uniqueKeysWithValues: p.options.map { ($0.optionID, $0.months) }), BreakevenAnalysis.analyse(s, p))
    }

    @Test func aSwitchIsTheSpliceOfItsOptionsWithTheOneTimeCostMoved() throws {
        let (_, months, _) = try Self.run([Self.api, Self.team, #"{ "id": "move", "type": "switch", "from": "api", "to": "self", "at_month": 4 }"#])
        let move = try #require(months["move"]), api = try #require(months["api"]), team = try #require(months["self"])
        // Months 1–3 are the API's, months 4–12 the team's running cost, the migration in month 4.
        for i in 0..<3 { #expect(move[i].costs == api[i].costs) }
        #expect(move[3].costs.oneTime == 3_000 && move[3].costs.team == 700)
        for i in 4..<12 { #expect(move[i].costs == team[i].costs) }
        // 3 × 1,000 + 3,000 + 9 × 700 = 12,300
        #expect(close(move.last?.cumulativeCost, 12_300))
    }

    @Test func bestMonthKnownByConstruction() throws {
        // Volume doubles from month 7: the API costs 1,000 then 2,000; the team 700 flat plus 3,000
        // once. Switching in month k costs 1,000·(min(k,7)−1) + 2,000·max(0, k−7) + 3,000 + 700·(13−k)
        // over 12 months: k = 1 → 11,400; k = 7 → 6,000 + 3,000 + 4,200 = 13,200; so earliest is best:
        // each month on the API costs ≥ 1,000 > 700. Never: 6,000 + 12,000 = 18,000.
        let growing = #"{ "requests_per_month": 1000000, "input_tokens_per_request": 0, "output_tokens_per_request": 1000, "growth": { "schedule": [1,1,1,1,1,1,2] } }"#
        let (_, _, result) = try Self.run([Self.api, Self.team, #"{ "id": "move", "type": "switch", "from": "api", "to": "self", "at_month": "best" }"#], workload: growing)
        let plan = try #require(result.option("move")?.switchPlan)
        #expect(plan.switchMonth == 1)
        #expect(close(plan.candidates.first?.totalCost, 11_400))
        #expect(plan.candidates.count == 13)  // months 1–12 and never
        #expect(close(plan.candidates.last?.totalCost, 18_000) && plan.candidates.last?.month == nil)
        #expect(close(result.option("move")?.totalCost, 11_400))
    }

    @Test func everySwitchMonthInOnePassEqualsProjectingEachMonth() throws {
        // Stateless sides (an API with a price trend, rented GPUs on a growing, discounted workload) are
        // evaluated with prefix and suffix sums; each candidate must equal the projection of that switch month.
        let s = try ScenarioText.scenario(months: 24, discountRate: 0.1, workload: """
            { "requests_per_month": 2000000, "input_tokens_per_request": 800, "output_tokens_per_request": 400, "growth": { "monthly_rate": 0.06 } }
            """, options: [
                #"{ "id": "api", "type": "api", "prices": { "input_per_mtok": 1, "output_per_mtok": 3 }, "price_change_per_year": -0.3, "one_time": { "setup": 500 } }"#,
                #"{ "id": "gpu", "type": "self_hosted", "gpu_hourly": 2, "throughput": { "output_tokens_per_second": 800, "input_tokens_per_second": 8000 }, "gpu_price_change_per_year": -0.2, "team": { "engineers": 0.5, "cost_per_engineer_per_year": 120000 }, "one_time": { "migration": 40000 } }"#,
                #"{ "id": "move", "type": "switch", "from": "api", "to": "gpu", "at_month": "best" }"#,
            ])
        let demands = (0..<s.months).map { Simulator.demand(month: $0, of: s) }
        guard case .switchover(let plan) = s.options[2].kind else { Issue.record("not a switch"); return }
        let fast = SwitchEvaluation.best(s.options[2], plan, in: s, demands: demands)
        #expect(fast.candidates.count == 25)
        expectEveryCandidateIsItsProjection(fast, of: s.options[2], in: s, demands: demands)
        // The projection of the chosen month is the candidate's.
        let result = BreakevenAnalysis.analyse(s, Simulator.project(s))
        #expect(close(result.option("move")?.totalCost, fast.candidates.first { $0.month == fast.chosenMonth }?.totalCost ?? -1, tolerance: 1e-12))
    }

    @Test func neverSwitchingCanWin() throws {
        // A $1,200-a-month team never beats a $1,000 API bill: never switching is cheapest.
        let dear = Self.team.replacingOccurrences(of: "8400", with: "14400")
        let (_, _, result) = try Self.run([Self.api, dear, #"{ "id": "move", "type": "switch", "from": "api", "to": "self", "at_month": "best" }"#])
        let plan = try #require(result.option("move")?.switchPlan)
        #expect(plan.switchMonth == nil)
        #expect(close(result.option("move")?.totalCost, 12_000))
    }

    @Test func bestMonthInTheMiddle() throws {
        // Volume rises from 0.2 to 2.0 of 1e6 requests in month 6: the API costs $200 then $2,000;
        // the team $700 + $3,000 once. Switching before month 6 pays 700 instead of 200 for each
        // early month; each month after 6 pays 2,000 instead of 700. Best: k = 6 →
        // 5 × 200 + 3,000 + 7 × 700 = 8,900 (k = 5: 9,400; k = 7: 10,200; never: 15,000).
        let growing = #"{ "requests_per_month": 1000000, "input_tokens_per_request": 0, "output_tokens_per_request": 1000, "growth": { "schedule": [0.2,0.2,0.2,0.2,0.2,2] } }"#
        let (_, _, result) = try Self.run([Self.api, Self.team, #"{ "id": "move", "type": "switch", "from": "api", "to": "self", "at_month": "best" }"#], workload: growing)
        #expect(result.option("move")?.switchPlan?.switchMonth == 6)
        #expect(close(result.option("move")?.totalCost, 8_900))
    }

    /// 30-day April: one replica at 100% serves 1,000 tokens/s × 2,592,000 s = 2.592e9 tokens.
    static let gpu = """
        { "id": "gpu", "type": "self_hosted", "gpu_hourly": 1, "max_utilization": 1,
          "throughput": { "output_tokens_per_second": 1000, "input_tokens_per_second": 1000 },
          "monthly_fixed": { "monitoring": 100 } }
        """

    @Test func aMixIsTheSumOfItsRoutesOnTheirShares() throws {
        // 4e6 requests × 1,000 tokens = 4e9 tokens. 80% → 3.2e9 tokens to the GPU: 1.23 replicas
        // → 2 replicas × 720 h × $1 = $1,440 + $100 fixed in full. 20% → 0.8e9 tokens to the API
        // at $1/Mtok = $800. The mix: $2,340.
        let workload = #"{ "requests_per_month": 4000000, "input_tokens_per_request": 0, "output_tokens_per_request": 1000 }"#
        let mix = #"{ "id": "mix", "type": "mix", "routes": [ { "option": "gpu", "share": 0.8 }, { "option": "api", "share": 0.2 } ] }"#
        let (_, months, _) = try Self.run([Self.api, Self.gpu, mix], months: 1, workload: workload)
        let m = try #require(months["mix"]?.first)
        #expect(close(m.costs.gpu, 1_440) && close(m.costs.api, 800) && m.costs.fixed == 100)
        #expect(close(m.totalCost, 2_340))
        // Not share × full-volume cost: the full 4e9 tokens need ceil(1.54) = 2 replicas, so
        // 0.8 × ($1,440 + $100) + 0.2 × $4,000 = $2,032 ≠ $2,340 (rounding and fixed costs count in full).
        let gpuAlone = try #require(months["gpu"]?.first), apiAlone = try #require(months["api"]?.first)
        #expect(close(0.8 * gpuAlone.totalCost + 0.2 * apiAlone.totalCost, 2_032))
        #expect(m.replicas == 2)
    }

    @Test func aSweptRouteShareTakesItsChangeFromTheOtherRoutesInProportion() throws {
        // 1,000 Mtok a month to three APIs at $1, $2 and $4 per Mtok on shares 0.5, 0.3 and 0.2:
        // 1,000 × (0.5 × 1 + 0.3 × 2 + 0.2 × 4) = $1,900. Route a's share set to v leaves 1 − v to the
        // others in their 3 : 2 ratio: v = 0.2 → b 0.48, c 0.32: 1,000 × (0.2 + 0.96 + 1.28) = $2,440;
        // v = 0.8 → b 0.12, c 0.08: 1,000 × (0.8 + 0.24 + 0.32) = $1,360. Savings against api ($1,000): −1,440, −360.
        func api(_ id: String, _ price: Int) -> String {
            #"{ "id": "\#(id)", "type": "api", "prices": { "input_per_mtok": \#(price), "output_per_mtok": \#(price) } }"#
        }
        let mix = #"{ "id": "mix", "type": "mix", "routes": [ { "option": "a", "share": 0.5 }, { "option": "b", "share": 0.3 }, { "option": "c", "share": 0.2 } ] }"#
        let text = ScenarioText.document(workload: Self.workload, options: [Self.api, api("a", 1), api("b", 2), api("c", 4), mix])
        let loaded = try ScenarioLoader.load(Array(text.utf8), file: "t.json")
        let (_, months, _) = try Self.run([Self.api, api("a", 1), api("b", 2), api("c", 4), mix], months: 1)
        #expect(close(months["mix"]?.first?.totalCost, 1_900))
        let grid = try Sweep.run(loaded, x: try SweepAxis.parse("options.mix.routes.a.share=0.2..0.8:2", flag: "--x"), y: nil,
                                 metric: .savings, option: "mix", threads: 1)
        #expect(close(grid.savings(0, 0), 1_000 - 2_440) && close(grid.savings(1, 0), 1_000 - 1_360))
    }

    @Test func qualityFallbackEscalatesToASecondOption() throws {
        // 25% of the GPU route's requests are retried on the API: the API serves 0.2 + 0.8 × 0.25 = 0.4
        // of 4e9 tokens = 1.6e9 tokens = $1,600; the GPU still 3.2e9 tokens = $1,440 + $100.
        let workload = #"{ "requests_per_month": 4000000, "input_tokens_per_request": 0, "output_tokens_per_request": 1000 }"#
        let mix = #"{ "id": "mix", "type": "mix", "routes": [ { "option": "gpu", "share": 0.8, "quality_fallback_share": 0.25, "fallback": "api" }, { "option": "api", "share": 0.2 } ] }"#
        let (_, months, _) = try Self.run([Self.api, Self.gpu, mix], months: 1, workload: workload)
        let m = try #require(months["mix"]?.first)
        #expect(close(m.costs.api, 1_600) && close(m.costs.gpu, 1_440))
    }

    @Test func phasesForbidAnOptionBeforeAMonth() throws {
        // Experimentation (months 1–3) allows only the API; the self-hosted option starts in month 4,
        // paying its migration then; the API's bill stands in for it before.
        let workload = """
            { "requests_per_month": 1000000, "input_tokens_per_request": 0, "output_tokens_per_request": 1000,
              "phases": [ { "name": "experimentation", "until_month": 3, "volume_multiplier": 0.5, "allowed_options": ["api"] },
                          { "name": "production", "until_month": 12 } ] }
            """
        let (_, months, result) = try Self.run([Self.api, Self.team], workload: workload)
        let team = try #require(months["self"])
        // Months 1–3: half the volume, served by the API: $500 each; no team cost, no migration.
        #expect(team[0].costs.api == 500 && team[0].costs.team == 0 && team[0].costs.oneTime == 0)
        // Month 4: the option starts: $700 + $3,000.
        #expect(team[3].costs.team == 700 && team[3].costs.oneTime == 3_000 && team[3].costs.api == 0)
        // 3 × 500 + 3,000 + 9 × 700 = 10,800 against the API's 3 × 500 + 9 × 1,000 = 10,500
        #expect(close(team.last?.cumulativeCost, 10_800))
        #expect(result.scenario.phase(month: 4)?.name == "production")
    }

    @Test func theBaselineMustBeAllowedInEveryPhase() {
        let workload = """
            { "requests_per_month": 1, "input_tokens_per_request": 0, "output_tokens_per_request": 1,
              "phases": [ { "name": "production", "until_month": 12, "allowed_options": ["self"] } ] }
            """
        let text = ScenarioText.document(months: 12, workload: workload, options: [Self.api, Self.team])
        #expect(ScenarioText.errors(text) == [
            #"x.json:8:77: error: workload.phases[0].allowed_options: expected the baseline "api" among the allowed options: it serves whatever the others may not"#,
        ])
    }

    @Test func aSwitchCannotLandBeforeItsPhase() {
        let workload = """
            { "requests_per_month": 1, "input_tokens_per_request": 0, "output_tokens_per_request": 1,
              "phases": [ { "name": "experimentation", "until_month": 6, "allowed_options": ["api"] }, { "name": "production", "until_month": 12 } ] }
            """
        let text = ScenarioText.document(months: 12, workload: workload, options: [
            Self.api, Self.team, #"{ "id": "move", "type": "switch", "from": "api", "to": "self", "at_month": 3 }"#,
        ])
        #expect(ScenarioText.errors(text) == [
            #"x.json:13:76: error: options[2].at_month: a switch to "self" in month 3 is not allowed: a phase forbids "self" in month 3"#,
        ])
    }

    @Test func compositeReferencesAreChecked() {
        let text = ScenarioText.document(months: 12, workload: Self.workload, options: [
            Self.api, Self.team,
            #"{ "id": "move", "type": "switch", "from": "api", "to": "slef", "at_month": 13 }"#,
            #"{ "id": "mix", "type": "mix", "routes": [ { "option": "move", "share": 0.5 }, { "option": "api", "share": 0.4 } ] }"#,
        ])
        #expect(ScenarioText.errors(text) == [
            #"x.json:12:56: error: options[2].to: unknown option id "slef"; did you mean "self"?"#,
            #"x.json:12:76: error: options[2].at_month: expected a month within the 12-month horizon, found 13"#,
            #"x.json:13:41: error: options[3].routes: expected shares that sum to 1, found a sum of 0.9"#,
            #"x.json:13:55: error: options[3].routes[0].option: expected a single option (api, self_hosted, owned_hardware, subscription or provisioned), found "move" (a switch option)"#,
        ])
    }
}

@Suite("The personal profile")
struct PersonalProfileTests {
    @Test func electricityPerMillionTokens() {
        // 600 W × $0.20 / (6 tokens/s × 3.6) = 120 / 21.6 = $5.555… per million tokens
        let x = PersonalFigures.electricityPerMTok(watts: 600, pricePerKWh: 0.2, tokensPerSecond: 6)
        #expect(abs((x ?? 0) - 5.5556) < 1e-4)
    }

    /// A $1,300 machine, 35% resale after 36 months, 370 W busy and 60 W idle, on 220 hours a
    /// month at $0.17/kWh, replacing $95.40 a month of API spend.
    @Test func paybackOfAMachineOnTheDesk() throws {
        // The API: 9,540,000 output tokens a month at $10 per million = $95.40.
        // The machine at 26.5 tokens/s: 9,540,000 / 26.5 = 360,000 s = 100 busy hours of its 220.
        let workload = #"{ "requests_per_month": 9540, "input_tokens_per_request": 0, "output_tokens_per_request": 1000 }"#
        let api = #"{ "id": "api", "type": "api", "prices": { "input_per_mtok": 10, "output_per_mtok": 10 } }"#
        let machine = """
            { "id": "box", "type": "owned_hardware", "purchase_price": 1300, "units": 1,
              "throughput": { "output_tokens_per_second": 26.5, "input_tokens_per_second": 1000 },
              "max_utilization": 1, "hours_on_per_month": 220, "watts_busy": 370, "watts_idle": 60,
              "electricity_per_kwh": 0.17, "lifetime_months": 36, "resale_share": 0.35 }
            """
        let text = ScenarioText.document(months: 36, workload: workload, options: [api, machine])
            .replacingOccurrences(of: #""name": "test","#, with: #""name": "test", "profile": "personal","#)
        let s = try ScenarioText.scenario(text)
        let result = BreakevenAnalysis.analyse(s, Simulator.project(s))
        let box = try #require(result.option("box"))
        let personal = try #require(box.personal)
        // Energy: (100 h × 370 W + 120 h × 60 W) / 1000 = 44.2 kWh × $0.17 = $7.514 a month.
        #expect(abs((box.months.first?.costs.energy ?? 0) - 7.514) < 1e-9)
        // Each month saves 95.40 − 7.514 = $87.886; the $1,300 is back after 1,300 / 87.886 =
        // 14.79 months: month 15 (month 14: 1,300 + 14 × 7.514 = 1,405.20 > 14 × 95.40 = 1,335.60;
        // month 15: 1,412.71 ≤ 1,431.00).
        #expect(personal.paybackMonth == 15)
        // Ownership: 1,300 × (1 − 0.35) / 36 = $23.47 a month.
        #expect(abs((personal.hardwareCostPerMonth ?? 0) - 23.4722) < 1e-4)
        // 370 W × $0.17 / (26.5 × 3.6) = 62.9 / 95.4 = $0.6593 per million tokens
        #expect(abs((personal.electricityPerMTok ?? 0) - 0.65933) < 1e-4)
        // 100 busy hours needed of 220 on.
        #expect(abs((personal.hoursNeededPerMonth ?? 0) - 100) < 1e-6 && personal.carriesLoad == true)
    }
}

import Testing
@testable import BreakevenCore

/// `commitment: "reserved_1y"` (the word) reserves every GPU: a reservation is paid every hour of
/// its term from its purchase, so it neither follows the day's load nor falls when a month is
/// quiet. A month that needs more buys more; a purchase whose term ends is bought again only if
/// still needed.
@Suite("Every GPU reserved for a term")
struct ReservedCommitmentTests {
    @Test func theLedgerKeepsEachPurchaseForItsTerm() {
        // A term of 3 months; the price factor halves at month 1 and again at month 3.
        var ledger = ReservationLedger(termMonths: 3)
        ledger.hold(2, month: 0, factor: 1)
        #expect(ledger.held == 2 && ledger.pricedHeld == 2)
        // A quieter month keeps what month 0 bought.
        ledger.hold(1, month: 1, factor: 0.5)
        #expect(ledger.held == 2 && ledger.pricedHeld == 2)
        // A busier one buys 2 more at its own price: 2 × 1 + 2 × 0.5 = 3.
        ledger.hold(4, month: 2, factor: 0.5)
        #expect(ledger.held == 4 && ledger.pricedHeld == 3)
        // Month 0's 2 end with month 2: month 2's 2 cover a need of 1.
        ledger.hold(1, month: 3, factor: 0.25)
        #expect(ledger.held == 2 && ledger.pricedHeld == 1)
        // A need of 3 buys 1 at 0.25: 2 × 0.5 + 0.25 = 1.25.
        ledger.hold(3, month: 4, factor: 0.25)
        #expect(ledger.held == 3 && ledger.pricedHeld == 1.25)
        // After month 4 (5 months): month 2's purchase ends with month 4; month 4's runs 2 more months.
        #expect(ledger.owed(after: 5).map { [$0.purchase.count, $0.purchase.factor, Double($0.monthsLeft)] } == [[1, 0.25, 2]])
    }

    static func option(_ commitment: String) -> String {
        """
        { "id": "gpu", "type": "self_hosted", "gpu_hourly": 2, "gpus_per_replica": 2, "commitment": "\(commitment)",
          "throughput": { "output_tokens_per_second": 1000, "input_tokens_per_second": 10000 },
          "max_utilization": 1, "scaling": "hourly" }
        """
    }

    @Test func reservedGPUsDoNotFollowTheDay() throws {
        // SelfHostedCostTests' business day: 12 hours at 3 replicas, 12 at 1 (April 2026, 30 days).
        let workload = SelfHostedCostTests.workload(shape: SelfHostedCostTests.businessHours)
        func month(_ commitment: String) throws -> MonthlyProjection {
            try #require(ScenarioText.project(try ScenarioText.scenario(workload: workload, options: [Self.option(commitment)]))["gpu"]?.first)
        }
        // On demand, hourly: (12 × 3 + 12 × 1) × 30 = 1,440 replica-hours × 2 GPUs × $2 = $5,760.
        #expect(close(try month("on_demand").costs.gpu, 5_760))
        // Reserved: the peak's 3 replicas every hour, 3 × 720 × 2 × $2 = $8,640; served 2.0 of 3.
        let reserved = try month("reserved_1y")
        #expect(close(reserved.costs.gpu, 8_640))
        #expect(reserved.replicas == 3 && close(reserved.utilization, 2.0 / 3.0))
    }

    @Test func aQuietMonthStillPaysWhatABusyOneReserved() throws {
        // 2 months from April 2026: 25.92M requests in April (an average load of 2.0 replicas, see
        // SelfHostedCostTests), then growth of -50% a month: 1.0 in May. Flat day, 100% utilization:
        // April needs 2 replicas, May 1.
        let workload = """
            { "requests_per_month": 25920000, "input_tokens_per_request": 1000, "output_tokens_per_request": 100,
              "growth": { "monthly_rate": -0.5 }, "load_shape": { "hourly": [\(Array(repeating: "1", count: 24).joined(separator: ","))] } }
            """
        let s = try ScenarioText.scenario(months: 2, workload: workload, options: [Self.option("reserved_1y")])
        let months = try #require(ScenarioText.project(s)["gpu"])
        #expect(months.map(\.replicas) == [2, 1])
        // May keeps April's 2 replicas: 2 × 2 GPUs × 744 hours × $2 = $5,952 (on demand it would pay 1: $2,976).
        #expect(close(months[0].costs.gpu, 2 * 2 * 720 * 2) && close(months[1].costs.gpu, 5_952))
        // May still pays for April's 4 GPUs, of which its replica uses 2.
        #expect(months.map(\.gpus) == [4, 4])
    }

    @Test func aReservationPastTheHorizonOwesTheRestOfItsTerm() throws {
        // One replica of 2 GPUs reserved in January 2027 for 12 months; the horizon ends with March:
        // 2 GPUs × $2 × 6,600 hours (April to December 2027) = $26,400 still owed.
        let gpu = #"{ "id": "gpu", "type": "self_hosted", "gpu_hourly": 2, "gpus_per_replica": 2, "commitment": "reserved_1y", \#(CommitmentBeyondHorizonTests.throughput) }"#
        #expect(try CommitmentBeyondHorizonTests.warnings(gpu) == [Warning(.commitmentBeyondHorizon, option: "gpu", WarningFigures(months: 9, amount: 26_400))])
        // On demand owes nothing.
        #expect(try CommitmentBeyondHorizonTests.warnings(gpu.replacingOccurrences(of: "reserved_1y", with: "on_demand")).isEmpty)
    }
}

extension ReservedCommitmentTests {
    /// A switch to reserved GPUs: what the reservations hold depends on the month the switch
    /// happens, so each candidate is priced by replaying them from that month. A switch away from
    /// them reads their months, stepped once. Every candidate, either way, with and without an
    /// overlap, equals the option projected month by month with that switch.
    @Test func aSwitchToReservedGPUsPricesEveryMonthAsItsProjection() throws {
        // 24 months, a load that rises 6% a month, then falls by half in month 13 (a quiet month
        // still pays the reservations of busy ones), with the GPU price falling 20% a year (a
        // purchase keeps its month's price for its term).
        for (overlap, from, to) in [(3, "api", "gpu"), (0, "api", "gpu"), (3, "gpu", "api"), (0, "gpu", "api")] {
            let s = try ScenarioText.scenario(months: 24, discountRate: 0.1, workload: """
                { "requests_per_month": 2000000, "input_tokens_per_request": 800, "output_tokens_per_request": 400,
                  "growth": { "schedule": [1, 1.06, 1.12, 1.19, 1.26, 1.34, 1.42, 1.5, 1.59, 1.69, 1.79, 1.9, 0.95, 1, 1.06, 1.12, 1.19, 1.26, 1.34, 1.42, 1.5, 1.59, 1.69, 1.79] } }
                """, options: [
                    #"{ "id": "api", "type": "api", "prices": { "input_per_mtok": 1, "output_per_mtok": 3 }, "price_change_per_year": -0.3 }"#,
                    #"{ "id": "gpu", "type": "self_hosted", "gpu_hourly": 2, "commitment": "reserved_1y", "min_replicas": 2, "throughput": { "output_tokens_per_second": 400, "input_tokens_per_second": 4000 }, "gpu_price_change_per_year": -0.2, "team": { "engineers": 0.5, "cost_per_engineer_per_year": 120000 }, "one_time": { "migration": 40000 } }"#,
                    #"{ "id": "move", "type": "switch", "from": "\#(from)", "to": "\#(to)", "at_month": "best", "overlap_months": \#(overlap) }"#,
                ])
            let demands = (0..<s.months).map { Simulator.demand(month: $0, of: s) }
            guard case .switchover(let plan) = s.options[2].kind else { Issue.record("not a switch"); return }
            // The one-pass evaluation takes the reserved side (it used to fall back to a projection per month).
            var pool = SwitchPool()
            let sides = demands.withUnsafeBufferPointer { SwitchSides(plan, in: s, demands: $0, trends: nil, pool: &pool) }
            #expect((to == "gpu" ? sides?.toReserved?.prices.termMonths : sides?.fromReserved?.prices.termMonths) == 12)
            // The reservations matter: month 13 needs fewer replicas than month 12 holds.
            let replicas = Simulator.project(s).options[1].months.map { $0.replicas ?? 0 }
            #expect(replicas[12] < replicas[11])
            let evaluation = SwitchEvaluation.best(s.options[2], plan, in: s, demands: demands)
            #expect(evaluation.candidates.count == 25)
            expectEveryCandidateIsItsProjection(evaluation, of: s.options[2], in: s, demands: demands)
            // The totals path (trials, sweeps) adds up the same months as the projection.
            let projected = Simulator.project(s).options[2].months.reduce(0) { $0 + $1.totalCost }
            #expect(close(MonteCarloTests.totals(s)[2].totalCost, projected, tolerance: 1e-12))
        }
    }

    /// A trial builds each option's model once: a switch's sides are the models of the options
    /// it joins, which their own runs step too. Listed before or after them, switching in the
    /// last month (the month the reserved side's own run left its ledger in, holding the busy
    /// third month's GPUs) or the first, every option's total on the totals path is still its
    /// projection: each run starts from nothing bought.
    @Test func aSwitchSharesItsSidesModelsWithTheirOwnRuns() throws {
        for switchFirst in [true, false] {
            for (at, from, to) in [(6, "api", "gpu"), (1, "api", "gpu"), (6, "gpu", "api"), (1, "gpu", "api")] {
                let move = #"{ "id": "move", "type": "switch", "from": "\#(from)", "to": "\#(to)", "at_month": \#(at) }"#
                let sides = [
                    #"{ "id": "api", "type": "api", "prices": { "input_per_mtok": 1, "output_per_mtok": 3 } }"#,
                    #"{ "id": "gpu", "type": "self_hosted", "gpu_hourly": 2, "commitment": "reserved_1y", "min_replicas": 1, "throughput": { "output_tokens_per_second": 400, "input_tokens_per_second": 4000 } }"#,
                ]
                let s = try ScenarioText.scenario(months: 6, discountRate: 0.1, workload: """
                    { "requests_per_month": 2000000, "input_tokens_per_request": 800, "output_tokens_per_request": 400,
                      "growth": { "schedule": [1, 1.5, 3, 1, 2, 1] } }
                    """, options: switchFirst ? [move] + sides : sides + [move], extra: #", "baseline": "api""#)
                let projected = Simulator.project(s).options.map { $0.months.reduce(0) { $0 + $1.totalCost } }
                let totals = MonteCarloTests.totals(s)
                for k in s.options.indices {
                    #expect(close(totals[k].totalCost, projected[k], tolerance: 1e-12),
                            "\(s.options[k].id), switching \(from) → \(to) in month \(at), switch listed \(switchFirst ? "first" : "last")")
                }
                // Twice in one workspace: the second trial's models start from nothing bought either.
                var workspace = TotalsWorkspace()
                var out = [OptionTotals](repeating: OptionTotals(totalCost: 0, npv: 0, breakevenMonth: nil), count: s.options.count)
                for _ in 0..<2 { out.withUnsafeMutableBufferPointer { Simulator.totals(s, workspace: &workspace, into: $0) } }
                #expect(out.map(\.totalCost) == totals.map(\.totalCost))
            }
        }
    }

    /// Reserved replicas a switch moves to are bought in the switch month and run their term
    /// from there: every switch month of the one-pass evaluation equals projecting the switch
    /// there, in all four directions, with and without an overlap (the reservation's 8-month
    /// term ends inside the horizon for early switches and past it for late ones).
    @Test func aSwitchToReservedReplicasReservesThemFromTheSwitch() throws {
        for (overlap, from, to) in [(3, "api", "gpu"), (0, "api", "gpu"), (3, "gpu", "api"), (0, "gpu", "api")] {
            let s = try ScenarioText.scenario(months: 24, discountRate: 0.1, workload: """
                { "requests_per_month": 2000000, "input_tokens_per_request": 800, "output_tokens_per_request": 400, "growth": { "monthly_rate": 0.04 },
                  "load_shape": { "hourly": [1, 1, 1, 1, 1, 1, 2, 3, 4, 4, 4, 4, 4, 4, 4, 4, 3, 2, 2, 1, 1, 1, 1, 1] } }
                """, options: [
                    #"{ "id": "api", "type": "api", "prices": { "input_per_mtok": 1, "output_per_mtok": 3 }, "price_change_per_year": -0.3 }"#,
                    #"{ "id": "gpu", "type": "self_hosted", "gpu_hourly": 2, "scaling": "hourly", "commitment": { "reserved_replicas": 2, "reserved_hourly": 1.2, "term_months": 8 }, "throughput": { "output_tokens_per_second": 400, "input_tokens_per_second": 4000 }, "team": { "engineers": 0.5, "cost_per_engineer_per_year": 120000 }, "one_time": { "migration": 40000 } }"#,
                    #"{ "id": "move", "type": "switch", "from": "\#(from)", "to": "\#(to)", "at_month": "best", "overlap_months": \#(overlap) }"#,
                ])
            let demands = (0..<s.months).map { Simulator.demand(month: $0, of: s) }
            guard case .switchover(let plan) = s.options[2].kind else { Issue.record("not a switch"); return }
            var pool = SwitchPool()
            let sides = demands.withUnsafeBufferPointer { SwitchSides(plan, in: s, demands: $0, trends: nil, pool: &pool) }
            #expect(sides?.toReplicas?.term == (to == "gpu" ? 8 : nil))
            let evaluation = SwitchEvaluation.best(s.options[2], plan, in: s, demands: demands)
            expectEveryCandidateIsItsProjection(evaluation, of: s.options[2], in: s, demands: demands)
            let projected = Simulator.project(s).options[2].months.reduce(0) { $0 + $1.totalCost }
            #expect(close(MonteCarloTests.totals(s)[2].totalCost, projected, tolerance: 1e-12))
        }
    }

    /// By hand: 4 months from April 2026 (720, 744, 720, 744 hours), the API at $10 a month, one
    /// replica of one GPU reserved at $1.50 for 2 months, switched to in month 2: the reservation
    /// runs in months 2 and 3 (744 × 1.5 = $1,116 and 720 × 1.5 = $1,080), and month 4 bursts on
    /// demand at $2 (744 × 2 = $1,488). Reserved from month 1, as the option alone is, month 3
    /// would have been on demand.
    @Test func reservedReplicasRunTheirTermFromTheSwitch() throws {
        let s = try ScenarioText.scenario(months: 4, workload: #"{ "requests_per_month": 1000, "input_tokens_per_request": 0, "output_tokens_per_request": 1000 }"#, options: [
            #"{ "id": "api", "type": "api", "prices": { "input_per_mtok": 1, "output_per_mtok": 10 } }"#,
            #"{ "id": "gpu", "type": "self_hosted", "gpu_hourly": 2, "commitment": { "reserved_replicas": 1, "reserved_hourly": 1.5, "term_months": 2 }, "throughput": { "output_tokens_per_second": 1000, "input_tokens_per_second": 10000 } }"#,
            #"{ "id": "move", "type": "switch", "from": "api", "to": "gpu", "at_month": 2 }"#,
        ])
        let p = Simulator.project(s)
        #expect(p.options[1].months.map(\.totalCost) == [1_080, 1_116, 1_440, 1_488])
        #expect(p.options[2].months.map(\.totalCost) == [10, 1_116, 1_080, 1_488])
        #expect(MonteCarloTests.totals(s)[2].totalCost == 10 + 1_116 + 1_080 + 1_488)
    }

    /// A catalog reservation is priced for the term it is sold for: Lambda's 1-year H100 price
    /// ($2.19 in the fixture) held for 6 months would owe half of what the provider bills, and for
    /// 24 months it is a renewal at a price nobody quoted. The written term must be 12 or 36 unless
    /// the price is written; `--set` and a trial that move the term are refused the same way.
    @Test func aCatalogReservationRunsTheTermItIsSoldFor() throws {
        func option(_ term: String) -> String {
            #"{ "id": "g", "type": "self_hosted", "gpu": "h100-sxm", "commitment": { "reserved_replicas": 1\#(term) }, \#(ProviderFilterTests.throughput) }"#
        }
        let found = ProviderFilterTests.errors(option(#", "term_months": 24"#)).map { $0.split(separator: " error: ").last.map(String.init) ?? $0 }
        #expect(found == ["options[0].commitment.term_months: expected the term the catalog's price is sold for, 12 (reserved_1y) or 36 (reserved_3y) months, found 24: a price is for its own term; give reserved_hourly for a contract of another length"])
        // 36 months is the 3-year reservation, which the fixture does not sell.
        #expect(ProviderFilterTests.errors(option(#", "term_months": 36"#)).map { $0.split(separator: " error: ").last.map(String.init) ?? $0 }
                == [#"options[0].commitment: the catalog has no reserved_3y offer for "h100-sxm" on 2026-11-15; give reserved_hourly"#])
        // The default term, 12 months, takes the 1-year offer; a price written takes any term.
        let reserved = try #require(ProviderFilterTests.load(option("")).options.first?.terms(SelfHostedDeployment.self)?.reservation)
        #expect(reserved.termMonths == 12 && reserved.hourly == 2.19)
        #expect(ProviderFilterTests.errors(option(#", "term_months": 24, "reserved_hourly": 2.5"#)) == [])
        // `--set` is checked as the document is; a trial draws the term in place, after the offer was picked.
        let text = ScenarioText.document(workload: ProviderFilterTests.workload, options: [option("")], extra: #", "as_of": "2026-11-15""#)
        let set = ScenarioText.errors(text, overrides: ["options.g.commitment.term_months=6"], catalog: ProviderFilterTests.catalog)
        #expect(set.count == 1 && set[0].hasPrefix("--set options.g.commitment.term_months=6: error: options[0].commitment.term_months:") && set[0].contains("found 6"))
        let drawn = ScenarioText.document(workload: ProviderFilterTests.workload, options: [option("")], extra: """
            , "as_of": "2026-11-15",
              "uncertainty": { "inputs": { "options.g.commitment.term_months": { "choice": [[12, 1], [24, 1]] } } }
            """)
        #expect(ScenarioText.errors(drawn, catalog: ProviderFilterTests.catalog).map { $0.split(separator: " error: ").last.map(String.init) ?? $0 } == [
            "uncertainty.inputs.options.g.commitment.term_months: at its 90th percentile, 24, the scenario is invalid: commitment.term_months: expected the term the catalog's price is sold for, 12 (h100-sxm/lambda/reserved_1y) months, found 24: a price is for its own term; give reserved_hourly for a contract of another length",
        ])
    }

    /// A phase that keeps an option from serving at first delays its reservation too: it is bought
    /// when the option starts. 5 months from April 2026 (720, 744, 720, 744, 744 hours); the API
    /// serves months 1 and 2 ($10 each); one replica reserved at $1.50 for 2 months runs in
    /// months 3 and 4 (720 × 1.5 = $1,080, 744 × 1.5 = $1,116); month 5 is on demand at $2
    /// (744 × 2 = $1,488).
    @Test func aReservationStartsWhenAPhaseFirstAllowsTheOption() throws {
        let s = try ScenarioText.scenario(months: 5, workload: """
            { "requests_per_month": 1000, "input_tokens_per_request": 0, "output_tokens_per_request": 1000,
              "phases": [ { "name": "api only", "until_month": 2, "allowed_options": ["api"] }, { "name": "all", "until_month": 5 } ] }
            """, options: [
                #"{ "id": "api", "type": "api", "prices": { "input_per_mtok": 1, "output_per_mtok": 10 } }"#,
                #"{ "id": "gpu", "type": "self_hosted", "gpu_hourly": 2, "commitment": { "reserved_replicas": 1, "reserved_hourly": 1.5, "term_months": 2 }, "throughput": { "output_tokens_per_second": 1000, "input_tokens_per_second": 10000 } }"#,
            ])
        #expect(Simulator.project(s).options[1].months.map(\.totalCost) == [10, 10, 1_080, 1_116, 1_488])
        #expect(MonteCarloTests.totals(s)[1].totalCost == 10 + 10 + 1_080 + 1_116 + 1_488)
    }

    /// Switching away from a reservation does not end it: what it still owes in the months after
    /// the switch is part of the switch's cost. 4 months from April 2026 (720, 744, 720 and 744
    /// hours); 1,000 requests of 1,000 output tokens a month cost the API $10 ($10 per Mtok); one
    /// replica of one GPU; the switch hands over in month 3.
    @Test func aSwitchAwayStillPaysTheReservation() throws {
        func months(_ commitment: String) throws -> [Double] {
            let s = try ScenarioText.scenario(months: 4, workload: #"{ "requests_per_month": 1000, "input_tokens_per_request": 0, "output_tokens_per_request": 1000 }"#, options: [
                #"{ "id": "api", "type": "api", "prices": { "input_per_mtok": 1, "output_per_mtok": 10 } }"#,
                #"{ "id": "gpu", "type": "self_hosted", "gpu_hourly": 2, "commitment": \#(commitment), "throughput": { "output_tokens_per_second": 1000, "input_tokens_per_second": 10000 } }"#,
                #"{ "id": "move", "type": "switch", "from": "gpu", "to": "api", "at_month": 3 }"#,
            ])
            let months = Simulator.project(s).options[2].months
            let projected = months.map(\.totalCost)
            // The totals path (trials, sweeps) adds up the same months.
            #expect(MonteCarloTests.totals(s)[2].totalCost == projected.reduce(0, +))
            // What is owed is a cost of running, not a one-time cost; and its GPUs are paid for.
            #expect(months.map(\.runRateCost) == projected)
            #expect(months.map(\.gpus) == (commitment.contains("on_demand") ? [1, 1, nil, nil] : [1, 1, 1, 1]))
            return projected
        }
        // A reserved replica at $1.50 for 12 months: 720 × 1.5 = $1,080 and 744 × 1.5 = $1,116 a
        // month, served or not; after the switch the API's $10 comes on top.
        #expect(try months(#"{ "reserved_replicas": 1, "reserved_hourly": 1.5, "term_months": 12 }"#) == [1_080, 1_116, 1_090, 1_126])
        // Every GPU reserved: month 1 buys one at $2 for 12 months, 720 × 2 = $1,440 and 744 × 2 = $1,488.
        #expect(try months(#""reserved_1y""#) == [1_440, 1_488, 1_450, 1_498])
        // On demand, the GPU stops with the switch.
        #expect(try months(#""on_demand""#) == [1_440, 1_488, 10, 10])
    }

    /// A phase that stops an option does not end its reservation either: the baseline serves, and
    /// the option still pays. The same 4 months as above; from month 3 only the API may serve.
    @Test func aPhaseThatStopsAnOptionStillPaysItsReservation() throws {
        let s = try ScenarioText.scenario(months: 4, workload: """
            { "requests_per_month": 1000, "input_tokens_per_request": 0, "output_tokens_per_request": 1000,
              "phases": [ { "name": "pilot", "until_month": 2 }, { "name": "api only", "until_month": 4, "allowed_options": ["api"] } ] }
            """, options: [
                #"{ "id": "api", "type": "api", "prices": { "input_per_mtok": 1, "output_per_mtok": 10 } }"#,
                #"{ "id": "gpu", "type": "self_hosted", "gpu_hourly": 2, "commitment": { "reserved_replicas": 1, "reserved_hourly": 1.5, "term_months": 12 }, "throughput": { "output_tokens_per_second": 1000, "input_tokens_per_second": 10000 } }"#,
            ])
        // Months 3 and 4: the API's $10 and the reserved replica's 720 × 1.5 = $1,080 and 744 × 1.5 = $1,116.
        #expect(Simulator.project(s).options[1].months.map(\.totalCost) == [1_080, 1_116, 1_090, 1_126])
    }

    /// The one-pass pricing of a switch's reservations (`SwitchReservations`) against the ledger
    /// stepped month by month, on 200 seeded random cases: needs of 0 to 9 groups over 1 to 30
    /// months, terms of 1 to 14 months, price factors and group costs drawn, every start and
    /// serving month, and every month a serving side stops. The same purchases, so the same cost
    /// to a part in 10^12. One pool of lists serves every case, as one serves a thread's trials:
    /// lists left from a case of another length change nothing.
    @Test func theOnePassPricingIsTheLedgerSteppedMonthByMonth() {
        var pool = SwitchPool()
        for case_ in 0..<200 {
            var random = TrialRandom(seed: 2027, trial: case_, stream: 0)
            let n = 1 + Int(random.next() % 30), term = 1 + Int(random.next() % 14)
            var prices = SwitchReservations(termMonths: term, months: n, pool: &pool)
            var needs = SwitchReservations.Needs()
            var groupCost: [Double] = []
            for _ in 0..<n {
                needs.groups.append(Double(random.next() % 10))
                needs.idleGroups.append(Double(random.next() % 3))
                groupCost.append(500 + 1000 * random.unit())
                prices.append(factor: 0.5 + random.unit(), groupCost: groupCost[groupCost.count - 1])
            }
            let discount = (0..<n).map { 1 / (1 + 0.01 * Double($0)) }
            let starts = (0..<n).flatMap { i in [(start: i, serving: i), (start: i, serving: min(i + 2, n))] }
            var discounted = discount.withUnsafeBufferPointer { prices.discountedBefore($0, into: pool.months.take(capacity: n + 1)) }
            var fast = pool.sums.take(repeating: (0, 0), count: starts.count)
            prices.starting(starts, needs, discountedBefore: discounted, into: &fast, pool: &pool)
            // Replayed two at a time: paired otherwise (and one left alone), each comes out the same to the bit.
            var shifted = pool.sums.take(repeating: (0, 0), count: starts.count - 1)
            prices.starting(Array(starts.dropFirst()), needs, discountedBefore: discounted, into: &shifted, pool: &pool)
            #expect(shifted.map(\.total) == fast.dropFirst().map(\.total) && shifted.map(\.npv) == fast.dropFirst().map(\.npv))
            for (s, priced) in zip(starts, fast) {
                var ledger = ReservationLedger(termMonths: term)
                var total = 0.0, npv = 0.0
                for m in s.start..<n {
                    ledger.hold(m < s.serving ? needs.idleGroups[m] : needs.groups[m], month: m, factor: prices.factor[m])
                    total += ledger.pricedHeld * groupCost[m]
                    npv += ledger.pricedHeld * groupCost[m] * discount[m]
                }
                #expect(close(priced.total, total, tolerance: 1e-12) && close(priced.npv, npv, tolerance: 1e-12),
                        "case \(case_): start \(s.start), serving \(s.serving)")
            }
            // A side that stops serving at e still pays what it bought before e to the end of its terms.
            var serving = ReservationLedger(termMonths: term)
            var bought: [Double] = []
            for m in 0..<n {
                serving.hold(needs.groups[m], month: m, factor: prices.factor[m])
                bought.append(serving.purchase(in: m))
            }
            for e in 0...n {
                var ledger = ReservationLedger(termMonths: term)
                var total = 0.0, npv = 0.0
                for m in 0..<n {
                    ledger.hold(m < e ? needs.groups[m] : 0, month: m, factor: prices.factor[m])
                    if m >= e {
                        total += ledger.pricedHeld * groupCost[m]
                        npv += ledger.pricedHeld * groupCost[m] * discount[m]
                    }
                }
                let owed = prices.owedLeaving(at: e, bought: bought, discountedBefore: discounted)
                #expect(close(owed.total, total, tolerance: 1e-12) && close(owed.npv, npv, tolerance: 1e-12), "case \(case_): leaving at \(e)")
            }
            pool.sums.give(&fast)
            pool.sums.give(&shifted)
            pool.months.give(&discounted)
            prices.recycle(into: &pool)
        }
    }
}

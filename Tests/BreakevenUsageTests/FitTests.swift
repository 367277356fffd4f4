@testable import BreakevenCore
@testable import BreakevenUsage
import Foundation
import Testing

/// `fit` from aggregates to a workload block, on histories built by hand.
struct FitTests {
    /// A month of one model from one format, covered whole by a file.
    static func month(_ text: String, requests: Int64?, input: Int64, cached: Int64 = 0, output: Int64, batch: Int64? = nil,
                      format: UsageFormat = .openai, model: String = "m", billed: Double? = nil) -> UsageMonth {
        var f = UsageFigures()
        f.requests = requests
        f.inputTokens = input
        f.cachedInputTokens = cached
        f.outputTokens = output
        f.batchRequests = batch ?? (requests == nil ? nil : nil)
        f.billed = billed
        f.currency = billed == nil ? nil : "USD"
        f.buckets = 1
        return UsageMonth(month: CalendarMonth(text)!, model: model, format: format, figures: f, sourceIDs: [1], finestBucket: 86_400)
    }

    static func history(_ months: [UsageMonth], format: UsageFormat = .openai, from: String = "2026-01", to: String = "2026-12",
                        hours: [UsageHour] = [], sizes: [UsageSizeBin] = []) -> UsageHistory {
        let source = UsageSource(id: 1, format: format, fileName: "usage.json", sha256: String(repeating: "0", count: 64),
                                 coveredFrom: CalendarMonth(from)!.unixStart, coveredTo: CalendarMonth(to)!.unixStart, records: months.count)
        return UsageHistory(sources: [source], months: months, hours: hours, sizes: sizes)
    }

    @Test func aConstantMonthlyRateIsFoundExactly() throws {
        // Requests per day 100, 110, 121, 133.1 in January to April (31, 28, 31, 30 days): 10% a month.
        let perDay = [100.0, 110, 121, 133.1]
        let days = [31.0, 28, 31, 30]
        let months = (0..<4).map { k in
            FitTests.month("2026-0\(k + 1)", requests: Int64((perDay[k] * days[k]).rounded()), input: 1000, output: 100)
        }
        let fit = try WorkloadFit.fit(FitTests.history(months, to: "2026-05"), FitOptions())
        #expect(fit.firstProjectedMonth == CalendarMonth(year: 2026, month: 5))
        // May: 133.1 × 1.1 = 146.41 requests a day (to 5 significant digits, from rounded monthly counts).
        #expect(fit.workload["requests_per_day"]?.number == 146.41)
        #expect(fit.workload["growth"]?["monthly_rate"]?.number == 0.1)
        #expect(fit.workload["actuals"]?.elements?.count == 4)
    }

    /// OpenRouter's activity gives prompt tokens whole, the cached ones not split off: its 0
    /// cached tokens mean "not said", so fit writes no cached_input_share and says why.
    @Test func anExportWithoutACacheSplitLeavesTheCachedShareOut() throws {
        let openRouter = (1...3).map { FitTests.month("2026-0\($0)", requests: 100, input: 1_000, output: 100, format: .openrouter) }
        let fit = try WorkloadFit.fit(FitTests.history(openRouter, format: .openrouter, to: "2026-04"), FitOptions())
        #expect(fit.workload["cached_input_share"] == nil)
        #expect(fit.notes.contains { $0.hasPrefix("the openrouter exports do not say which prompt tokens were cached") })
        // The same months from OpenAI's export, 300 of 1,000 prompt tokens cached: 0.3.
        let openAI = (1...3).map { FitTests.month("2026-0\($0)", requests: 100, input: 1_000, cached: 300, output: 100) }
        #expect(try WorkloadFit.fit(FitTests.history(openAI, to: "2026-04"), FitOptions()).workload["cached_input_share"]?.number == 0.3)
    }

    @Test func onlyCompleteMonthsCount() throws {
        // The file covers 15 January to 15 April: February and March only.
        var history = FitTests.history([FitTests.month("2026-01", requests: 10, input: 10, output: 1),
                                        FitTests.month("2026-02", requests: 20, input: 20, output: 2),
                                        FitTests.month("2026-03", requests: 30, input: 30, output: 3),
                                        FitTests.month("2026-04", requests: 40, input: 40, output: 4)])
        history = UsageHistory(sources: [UsageSource(id: 1, format: .openai, fileName: "u.json", sha256: String(repeating: "0", count: 64),
                                                     coveredFrom: CalendarMonth(year: 2026, month: 1).unixStart + 14 * 86_400,
                                                     coveredTo: CalendarMonth(year: 2026, month: 4).unixStart + 14 * 86_400, records: 4)],
                               months: history.months, hours: [], sizes: [])
        let fit = try WorkloadFit.fit(history, FitOptions())
        #expect(fit.diagnostics["complete_months"]?.elements?.compactMap(\.string) == ["2026-02", "2026-03"])
        #expect(fit.diagnostics["left_out_months"]?.elements?.compactMap(\.string) == ["2026-01", "2026-04"])
        #expect(fit.firstProjectedMonth == CalendarMonth(year: 2026, month: 4))
    }

    @Test func noCompleteMonthIsRefusedWithTheCoveredSpan() {
        let history = FitTests.history([FitTests.month("2026-01", requests: 10, input: 10, output: 1)], from: "2026-01", to: "2026-01")
        #expect(throws: FitProblem.noCompleteMonth(covered: "2026-01-01 00:00 UTC to 2026-01-01 00:00 UTC")) {
            try WorkloadFit.fit(history, FitOptions())
        }
        #expect(FitProblem.noCompleteMonth(covered: "2026-01-03 09:00 UTC to 2026-01-20 11:00 UTC").description
                == "no complete month of usage: a month counts only when an imported file covers all of it; the files cover 2026-01-03 09:00 UTC to 2026-01-20 11:00 UTC")
    }

    @Test func exportsWithoutRequestCountsNeedAWayToCountThem() throws {
        let months = [FitTests.month("2026-01", requests: nil, input: 3_100_000, output: 31_000, format: .anthropic, model: "claude"),
                      FitTests.month("2026-02", requests: nil, input: 5_600_000, output: 56_000, format: .anthropic, model: "claude")]
        let history = FitTests.history(months, format: .anthropic, to: "2026-03")
        #expect(throws: FitProblem.noRequestCounts(formats: [.anthropic], models: ["claude"])) { try WorkloadFit.fit(history, FitOptions()) }
        #expect(FitProblem.noRequestCounts(formats: [.anthropic], models: ["claude"]).description
                == "anthropic exports count no requests (claude): give --tokens-per-request N (prompt tokens per request) or --requests-from FORMAT (a source with request counts); requests are never guessed")
        // 3.1M prompt tokens ÷ 1,000 a request = 3,100 requests in January: 100 a day.
        let fit = try WorkloadFit.fit(history, FitOptions(tokensPerRequest: 1000))
        #expect(fit.workload["actuals"]?.elements?.first?["requests"]?.number == 3100)
        #expect(fit.workload["input_tokens_per_request"]?.number == 1000)
        #expect(fit.notes.contains("anthropic exports count no requests: requests are their prompt tokens ÷ 1,000 (--tokens-per-request)"))
    }

    @Test func requestsFromAnotherSourceUseItsPromptTokensPerRequest() throws {
        // LiteLLM saw 2,000 prompt tokens a request; the Anthropic report counts claude's prompts only.
        let months = [FitTests.month("2026-01", requests: nil, input: 2_000_000, output: 1, format: .anthropic, model: "claude"),
                      FitTests.month("2026-01", requests: 50, input: 100_000, output: 1, format: .litellm, model: "gpt")]
        let sources = [UsageFormat.anthropic, .litellm].enumerated().map { k, f in
            UsageSource(id: Int64(k + 1), format: f, fileName: "\(f.rawValue).x", sha256: String(repeating: "0", count: 64),
                        coveredFrom: CalendarMonth(year: 2026, month: 1).unixStart, coveredTo: CalendarMonth(year: 2026, month: 2).unixStart, records: 1)
        }
        let history = UsageHistory(sources: sources, months: months, hours: [], sizes: [])
        let fit = try WorkloadFit.fit(history, FitOptions(requestsFrom: .litellm))
        // claude: 2,000,000 ÷ 2,000 = 1,000 requests; gpt: 50 counted.
        #expect(fit.workload["actuals"]?.elements?.first?["requests"]?.number == 1050)
        #expect(throws: FitProblem.requestsFromEmpty(.otel)) { try WorkloadFit.fit(history, FitOptions(requestsFrom: .otel)) }
    }

    @Test func theLoadShapeIsCountedInTheTimeZone() throws {
        // Requests at 08:00 and 09:00 UTC on a January day: 09:00 and 10:00 in Paris (UTC+1).
        let start = CalendarMonth(year: 2026, month: 1).unixStart
        let hours = [UsageHour(format: .openai, model: "m", start: start + 8 * 3600, seconds: 3600, requests: 30, tokens: 1),
                     UsageHour(format: .openai, model: "m", start: start + 9 * 3600, seconds: 3600, requests: 18, tokens: 1)]
        let shape = try #require(LoadShapeFit.fit(hours, timeZone: TimeZone(identifier: "Europe/Paris")!))
        // 48 requests over 24 hours average 2: 30 ÷ 2 = 15 at 09:00, 18 ÷ 2 = 9 at 10:00.
        #expect(shape.weights[9] == 15 && shape.weights[10] == 9 && shape.weights[8] == 0)
        // India is UTC+5:30: the 08:00 UTC hour is split between 13:00 and 14:00 local.
        let india = try #require(LoadShapeFit.fit([hours[0]], timeZone: TimeZone(identifier: "Asia/Kolkata")!))
        #expect(india.weights[13] == 12 && india.weights[14] == 12)
    }

    @Test func dailyBucketsGiveNoShapeAndSaySo() throws {
        let fit = try WorkloadFit.fit(FitTests.history([FitTests.month("2026-01", requests: 31, input: 31, output: 3)], to: "2026-02"), FitOptions())
        #expect(fit.workload["load_shape"] == nil)
        #expect(fit.notes.contains("only daily (or coarser) buckets: no hourly load shape can be fitted; load_shape is left out (flat)"))
        #expect(fit.notes.contains("one complete month: no growth can be fitted; the volume is flat"))
        #expect(fit.workload["growth"] == nil)
    }

    @Test func requestClassesSplitAtTheLongContextCliff() throws {
        // 90 prompts of 1,000 tokens and 10 of 250,000: one mean (25,900) would bill nothing past 200k.
        func bin(_ tokens: Int64, _ n: Int64) -> UsageSizeBin {
            UsageSizeBin(format: .litellm, month: CalendarMonth(year: 2026, month: 1), model: "m", bin: RequestSizeBins.bin(tokens),
                         requests: n, inputTokens: tokens * n, cachedInputTokens: 0, outputTokens: 100 * n)
        }
        let fit = try #require(RequestClassFit.fit([bin(1000, 90), bin(250_000, 10)], thresholds: [200_000]))
        #expect(fit.classes.map(\.share) == [0.9, 0.1])
        #expect(fit.classes.map(\.inputTokens) == [1000, 250_000])
        // The median falls in the bin up to 1,024 tokens; nothing lies between it and the cliff.
        #expect(fit.classes.map(\.name) == ["prompts up to 1,024 tokens", "prompts over 200,000 tokens"])
        #expect(fit.cuts == [1024])
    }

    /// Cache writes with request classes: the language takes `cache_write_share` beside a request
    /// size, so each class gets its own, the writes spread over the classes by their uncached
    /// tokens (a written token is an uncached one). `fit --into` used to write the workload's share
    /// beside `request_classes`, which the scenario then refused.
    @Test func cacheWritesAreSpreadOverTheClassesByTheirUncachedTokens() throws {
        // 90% of requests of 1,000 prompt tokens, half cached; 10% of 250,000, 90% cached; 4% of all
        // prompt tokens written. A request: I = 0.9 × 1,000 + 0.1 × 250,000 = 25,900 prompt tokens, of
        // which U = 0.9 × 500 + 0.1 × 25,000 = 2,950 uncached; 0.04 × 25,900 = 1,036 written, so
        // 1,036 / 2,950 = 35.12% of uncached tokens: 0.5 × 0.3512 = 0.1755 and 0.1 × 0.3512 = 0.0351
        // (rounded down). Check: 0.9 × 1,000 × 0.17559 + 0.1 × 250,000 × 0.035119 = 158 + 878 = 1,036.
        let short = RequestClassFit.Class(name: "short", share: 0.9, requests: 90, inputTokens: 1_000, outputTokens: 100, cachedInputShare: 0.5)
        let long = RequestClassFit.Class(name: "long", share: 0.1, requests: 10, inputTokens: 250_000, outputTokens: 100, cachedInputShare: 0.9)
        #expect(FittedWorkload.classWriteShares(0.04, [short, long]) == [0.1755, 0.0351])
        // Writes over the uncached tokens (20% of 25,900 = 5,180 > 2,950) are capped at all of them.
        #expect(FittedWorkload.classWriteShares(0.2, [short, long]) == [0.5, 0.1])

        // Through the fit: three months of 100 requests from per-request logs (90 of 1,000 prompt tokens,
        // 10 of 250,000; 2,590,000 prompt tokens, 4% = 103,600 written), into a scenario the language accepts.
        func bin(_ month: String, _ tokens: Int64, _ n: Int64, cached: Double) -> UsageSizeBin {
            UsageSizeBin(format: .litellm, month: CalendarMonth(month)!, model: "m", bin: RequestSizeBins.bin(tokens), requests: n,
                         inputTokens: tokens * n, cachedInputTokens: Int64(Double(tokens * n) * cached), outputTokens: 100 * n)
        }
        let months = ["2026-01", "2026-02", "2026-03"]
        let history = FitTests.history(months.map { m in
            var month = FitTests.month(m, requests: 100, input: 2_590_000, cached: 2_295_000, output: 10_000, format: .litellm)
            month.figures.cacheWriteTokens = 103_600
            return month
        }, format: .litellm, to: "2026-04", sizes: months.flatMap { [bin($0, 1_000, 90, cached: 0.5), bin($0, 250_000, 10, cached: 0.9)] })
        var options = FitOptions()
        options.longContextThresholds = [200_000]
        let fit = try WorkloadFit.fit(history, options)
        let classes = try #require(fit.workload["request_classes"]?.elements)
        #expect(classes.map { $0["cache_write_share"]?.number } == [0.1755, 0.0351])
        #expect(fit.workload["cache_write_share"] == nil)
        let scenario = """
            { "version": 1, "name": "fitted", "start": "2026-04", "months": 1, "workload": \(fit.workload.prettyText),
              "options": [{ "id": "api", "type": "api", "prices": { "input_per_mtok": 1, "output_per_mtok": 1 } }] }
            """
        #expect(throws: Never.self) { try ScenarioLoader.load(Array(scenario.utf8), file: "fitted.json") }
    }

    @Test func theLogisticIsChosenOnlyWhenItFitsClearlyBetter() {
        // An adoption curve: 1,000 / (1 + e^(−0.8(t − 4))) requests a day over ten months.
        let points = (0..<10).map { t in (Double(t), 1000 / (1 + exp(-0.8 * (Double(t) - 4)))) }
        let logistic = GrowthFit.fit(points, at: 10)
        #expect(logistic.chosen.model == .logistic)
        #expect(abs(logistic.chosen.parameters[1].value - 0.8) < 1e-6)
        // Month 10: 1,000 / (1 + e^(−4.8)) = 991.8 requests a day; the ceiling 1,000 is 1.0083 × that.
        #expect(abs(logistic.chosen.level - 991.837) < 0.01)
        // Steady 5% growth stays a monthly rate.
        let steady = GrowthFit.fit((0..<10).map { (Double($0), 100 * pow(1.05, Double($0)) * (1 + 0.01 * sin(Double($0)))) }, at: 10)
        #expect(steady.chosen.model == .monthlyRate)
    }
}

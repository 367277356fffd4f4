import Foundation
import Testing
@testable import BreakevenCore
@testable import BreakevenReports

/// `diff` and `compare` carry the Monte Carlo figures of a scenario with an `uncertainty` block.
///
/// By hand, from the golden diff base (see GoldenDiffTests): the API costs $72,000 over 12 months;
/// self one GPU all year, 8,760 h × g at g a GPU-hour, plus its setup S. Savings are
/// 72,000 − S − 8,760·g. With g drawn uniform on [1, 3] and S = $20,000 they run from
/// 52,000 − 26,280 = $25,720 to 52,000 − 8,760 = $43,240: every trial saves, so self breaks even
/// and is cheapest in all of them. The median is 52,000 − 8,760 × 2 = $34,480; the 10th
/// percentile 52,000 − 8,760 × 2.8 = $27,472 and the 90th 52,000 − 8,760 × 1.2 = $41,488 (drawn:
/// within sampling error of 2,000 trials, about ±$120 at one standard deviation).
@Suite("Trial figures in diff and compare")
struct TrialFiguresTests {
    static let uncertainty = #"uncertainty={"trials": 2000, "seed": 7, "inputs": {"options.self.gpu_hourly": {"uniform": [1, 3]}}}"#

    static func evaluation(_ overrides: [String]) throws -> Pipeline.Evaluation {
        let bytes = try Data(contentsOf: GoldenReportTests.folder.appendingPathComponent("diff-base.json"))
        return try Pipeline.run(Array(bytes), file: "diff-base.json", overrides: overrides.compactMap(ScenarioLoader.Override.init(argument:)))
    }

    static func result(setup: Int) throws -> BreakevenResult {
        try evaluation([uncertainty, "options.self.one_time.setup=\(setup)"]).result
    }

    @Test func aDiffShowsTheTrialsPercentilesAndOdds() throws {
        // A setup of $30,000 takes $10,000 from every trial's savings: the same draws (same seed),
        // so each percentile moves by exactly −10,000.
        let d = ResultDiff(name: "x", base: try Self.result(setup: 20_000), head: try Self.result(setup: 30_000))
        let self_ = try #require(d.option("self"))
        for (figure, byHand) in [(FigureChange.Figure.savingsP10, 27_472.0), (.savingsP50, 34_480), (.savingsP90, 41_488)] {
            let f = try #require(self_.figure(figure))
            #expect(abs(try #require(f.old) - byHand) < 400, "\(figure)")
            #expect(abs(try #require(f.change) + 10_000) < 1e-6, "\(figure)")
        }
        #expect(self_.figure(.probabilityBreakeven)?.old == 1)
        #expect(self_.figure(.probabilityBreakeven)?.new == 1)
        #expect(self_.figure(.probabilityCheapest)?.new == 1)
        // The baseline has no savings; it is cheapest in no trial.
        let gpt = try #require(d.option("gpt"))
        #expect(gpt.figure(.savingsP50)?.isPresent == false)
        #expect(gpt.figure(.probabilityCheapest)?.new == 0)
        // Odds that did not move add nothing to the headline.
        #expect(!d.headline.contains("trials"))
        let text = DiffMarkdown.render(d, context: DiffContext(baseSource: "a.json", headSource: "b.json"))
        #expect(text.contains("|  | Savings, p50 of the trials | "))
        #expect(text.contains("|  | Trials in which it breaks even | 100% | 100% | no change |"))
        // The baseline's figures did not move: one row, its total.
        #expect(!text.contains("|  | Trials in which it is cheapest | 0% |"))
    }

    @Test func movedOddsReachTheHeadline() throws {
        // S = $50,000: savings 22,000 − 8,760·g fall below 0 above g = 22,000 / 8,760 = 2.5114,
        // a share (3 − 2.5114) / 2 = 0.2443 of the draws: self breaks even in about 75.6% of them
        // (±1% at one standard deviation over 2,000 trials).
        let d = ResultDiff(name: "x", base: try Self.result(setup: 20_000), head: try Self.result(setup: 50_000))
        let odds = try #require(d.option("self")?.figure(.probabilityBreakeven))
        let share = try #require(odds.new)
        #expect(abs(share - 0.7557) < 0.03)
        #expect(d.headline.hasSuffix("Self-hosted 8B breaks even in \(Verdict.percent(share)) of the trials (was 100%)."))
        let text = DiffMarkdown.render(d, context: DiffContext(baseSource: "a.json", headSource: "b.json"))
        let points = Money.trimmed(Money.fixed((1 - share) * 100, decimals: 1))
        #expect(text.contains("|  | Trials in which it breaks even | 100% | \(Verdict.percent(share)) | −\(points) points |"))
    }

    @Test func aDiffWithoutTrialsHasNoTrialRows() throws {
        let plain = try Self.evaluation([]).result
        let d = ResultDiff(name: "x", base: plain, head: try Self.result(setup: 20_000))
        // The base had no uncertainty block: the head's figures stand alone, and the headline says
        // what the trials found.
        #expect(d.option("self")?.figure(.probabilityBreakeven)?.old == nil)
        #expect(d.headline.hasSuffix("Self-hosted 8B breaks even in 100% of the trials."))
        let none = DiffMarkdown.render(ResultDiff(name: "x", base: plain, head: plain), context: DiffContext(baseSource: "a.json", headSource: "b.json"))
        #expect(!none.contains("trials"))
    }

    @Test func aDiffNamesTheDistributionsThatChanged() throws {
        // A wider GPU price and another seed: both are inputs of the trials, listed with the rest.
        let wider = #"uncertainty={"trials": 2000, "seed": 8, "inputs": {"options.self.gpu_hourly": {"uniform": [1, 4]}}}"#
        let d = ResultDiff(name: "x", base: try Self.result(setup: 20_000), head: try Self.evaluation([wider, "options.self.one_time.setup=20000"]).result)
        #expect(d.inputs.map(\.path) == ["uncertainty.seed", "uncertainty.inputs.options.self.gpu_hourly"])
        let text = DiffMarkdown.render(d, context: DiffContext(baseSource: "a.json", headSource: "b.json"))
        #expect(text.contains("| Monte Carlo seed | `uncertainty.seed` | 7 | 8 |"))
        #expect(text.contains("| GPU price (distribution) · Self-hosted 8B | `uncertainty.inputs.options.self.gpu_hourly` | uniform [1, 3] | uniform [1, 4] |"))
        // From a scenario without trials, the whole setup is added.
        let added = ResultDiff(name: "x", base: try Self.evaluation([]).result, head: try Self.result(setup: 20_000)).inputs
        #expect(added.filter { $0.path.hasPrefix("uncertainty.") }.map(\.kind) == [.added, .added, .added])
    }

    @Test func aComparisonListsEachScenarioWithTrials() throws {
        let c = ScenarioComparison([("risky", try Self.evaluation([Self.uncertainty])), ("plain", try Self.evaluation([]))])
        let text = ComparisonReport.markdown(c, command: "breakeven compare risky.json plain.json")
        #expect(text.contains("## Over the trials\n\nrisky: 2,000 trials, seed 7. plain has no `uncertainty` block: no trials, no rows."))
        #expect(text.contains("| risky | Closed API | baseline |  |  | – | 0% |"))
        #expect(text.contains(" | 100% | 100% |\n"))
        #expect(!text.contains("| plain | Closed API |"))
        // The CSV: one row per option besides the baseline; the plain scenario's trial columns empty.
        // RFC 4180 rows end in CRLF (one Character in Swift).
        let rows = ComparisonReport.csv(c).split(separator: "\r\n").map { $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init) }
        try #require(rows.count == 3 && rows.allSatisfy { $0.count == rows[0].count })
        let header = rows[0]
        let p50 = try #require(header.firstIndex(of: "savings_p50"))
        let odds = try #require(header.firstIndex(of: "probability_breakeven"))
        #expect(abs(try #require(Double(rows[1][p50])) - 34_480) < 400)
        #expect(rows[1][odds] == "1.0000")
        #expect(rows[2][p50] == "" && rows[2][odds] == "")
    }
}

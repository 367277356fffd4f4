import Testing
@testable import BreakevenCore
@testable import BreakevenReports

/// How the report words a switch's overlap.
@Suite("A switch's overlap, in words")
struct SwitchOverlapReportTests {
    static func plan(month: Int?, overlap: Int) throws -> SwitchResult {
        var plan = try #require(try result().option("move")?.switchPlan)
        plan.switchMonth = month
        plan.overlapMonths = overlap
        return plan
    }

    @Test func theOverlapSaysWhatIsBilledAndWhen() throws {
        #expect(MarkdownReport.overlap(try Self.plan(month: 9, overlap: 0), months: 36) == "")
        #expect(MarkdownReport.overlap(try Self.plan(month: 9, overlap: 1), months: 36)
                == " Each switch overlaps for 1 month: the first option still serves and is billed for all the traffic while the second runs without it, billed its one-time costs, team and fixed costs and its minimum replicas, units, seats or monthly spend (month 9; alone from month 10).")
        #expect(MarkdownReport.overlap(try Self.plan(month: 9, overlap: 3), months: 36).hasSuffix(" (months 9–11; alone from month 12)."))
        #expect(MarkdownReport.overlap(try Self.plan(month: 35, overlap: 3), months: 36).hasSuffix(" (months 35–36; the horizon ends before it serves alone)."))
        // Never switching: no months to name.
        #expect(MarkdownReport.overlap(try Self.plan(month: nil, overlap: 2), months: 36).hasSuffix(" minimum replicas, units, seats or monthly spend."))
    }

    /// $1,000 a month of API, then a $700 team from month 2, standing by in month 2.
    static func result() throws -> BreakevenResult {
        let text = """
            { "version": 1, "name": "move", "start": "2026-01", "months": 3,
              "workload": { "requests_per_month": 1000000, "input_tokens_per_request": 0, "output_tokens_per_request": 1000 },
              "options": [
                { "id": "api", "type": "api", "prices": { "input_per_mtok": 1, "output_per_mtok": 1 } },
                { "id": "self", "type": "self_hosted", "gpu_hourly": 0, "throughput": { "output_tokens_per_second": 1000000, "input_tokens_per_second": 1000000 },
                  "team": { "engineers": 1, "cost_per_engineer_per_year": 8400 } },
                { "id": "move", "type": "switch", "label": "Move", "from": "api", "to": "self", "at_month": 2, "overlap_months": 1 } ] }
            """
        let s = try ScenarioLoader.load(Array(text.utf8), file: "move.json").scenario
        return BreakevenAnalysis.analyse(s, Simulator.project(s))
    }

    @Test func theSwitchSectionCarriesIt() throws {
        let r = try Self.result()
        // Month 2 bills both: the API's $1,000 and the team's $700.
        #expect(r.option("move")?.months.map(\.totalCost) == [1_000, 1_700, 700])
        #expect(MarkdownReport.switches(r) == "**Move** switches in month 2 (2026-02). Each switch overlaps for 1 month: the first option still serves and is billed for all the traffic while the second runs without it, billed its one-time costs, team and fixed costs and its minimum replicas, units, seats or monthly spend (month 2; alone from month 3).\n\n")
    }
}

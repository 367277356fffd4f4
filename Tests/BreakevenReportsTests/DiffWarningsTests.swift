import Foundation
import Testing
@testable import BreakevenCore
@testable import BreakevenReports

/// A diff names the warnings a change brings and clears. The golden base (`diff-base.json`)
/// warns of self's low utilization: in January (2,678,400 s) 1M requests of 500 output and 1,000
/// prompt tokens are 186.7 output and 373.4 prompt tokens a second, 186.7 / 2,000 + 373.4 /
/// 20,000 = 11.2% of one replica (11.4% over the year), under 35%. At 8M requests that load is
/// 0.896 of a replica: on a flat day, ⌈0.896 / 0.7⌉ = 2 replicas, 44.8% busy, so the warning
/// clears; hourly scaling with only a peak factor (no hours to follow) is a new one.
@Suite("Diff warnings")
struct DiffWarningsTests {
    static let head = ["workload.requests_per_month=8000000", "workload.load_shape.peak_to_average=1", "options.self.scaling=hourly"]

    @Test func aChangeBringsAndClearsWarnings() throws {
        let base = try DiffHeadlineTests.result("diff-base.json")
        let d = ResultDiff(name: "x", base: base, head: try DiffHeadlineTests.result("diff-base.json", Self.head))
        #expect(d.warnings.map { "\($0.status.rawValue) \($0.code.rawValue) \($0.option ?? "-")" } == [
            "new hourly_scaling_without_shape self", "cleared low_utilization self",
        ])
        // The cleared warning is worded from the base, which has it.
        #expect(d.warnings[1].text.hasPrefix("Self-hosted 8B averages 11.4% utilization"))
        #expect(d.headline.hasSuffix(" 1 new warning (hourly_scaling_without_shape)."))
        let comment = DiffMarkdown.render(d, context: DiffContext(baseSource: "a.json", headSource: "b.json"))
        #expect(comment.contains("#### Warnings (1 new, 1 cleared)\n\n| Change | Warning | Option | What it says |\n|---|---|---|---|\n| ⚠️ new | `hourly_scaling_without_shape` | Self-hosted 8B | "))
        // The same warnings on both sides, amounts moved or not, are no change; nor a block.
        let same = ResultDiff(name: "x", base: base, head: base)
        #expect(same.warnings.isEmpty && same.isUnchanged)
        #expect(!DiffMarkdown.render(same, context: DiffContext(baseSource: "a.json", headSource: "b.json")).contains("#### Warnings"))
    }

    @Test func jsonListsThemWithTheirWords() throws {
        let d = ResultDiff(name: "x", base: try DiffHeadlineTests.result("diff-base.json"), head: try DiffHeadlineTests.result("diff-base.json", Self.head))
        let json = try DiffJSON.render(d, context: DiffContext(baseSource: "a.json", headSource: "b.json"))
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        let warnings = try #require(object["warnings"] as? [[String: Any]])
        #expect(warnings.map { $0["status"] as? String } == ["new", "cleared"])
        #expect(warnings.map { $0["code"] as? String } == ["hourly_scaling_without_shape", "low_utilization"])
        #expect(warnings.allSatisfy { ($0["text"] as? String)?.isEmpty == false && $0["option"] as? String == "self" })
    }
}

/// A diff shows what a change asks of the fleet, which a total can hide. In the golden base self
/// holds one replica of one GPU at 11.4% average utilization (see `DiffWarningsTests`); at 8M
/// requests on a flat day the load is 0.896 of a replica in January (8 × 0.112) and at most
/// 0.896 × 31 / 28 = 0.992 in February: ⌈0.992 / 0.7⌉ = 2 replicas every hour, so 2 GPUs, and
/// the year's utilization 8 × 11.416% / 2 = 45.662%, up 34.247 points. With 2 GPUs a replica,
/// 2 replicas pay 4 GPUs (replicas and GPUs are told apart). Nothing is unmet on either side: no row.
@Suite("Diff capacity")
struct DiffCapacityTests {
    @Test func replicasGPUsAndUtilizationMove() throws {
        let base = try DiffHeadlineTests.result("diff-base.json")
        let head = DiffWarningsTests.head + ["options.self.gpus_per_replica=2"]
        let d = ResultDiff(name: "x", base: base, head: try DiffHeadlineTests.result("diff-base.json", head))
        let comment = DiffMarkdown.render(d, context: DiffContext(baseSource: "a.json", headSource: "b.json"))
        #expect(comment.contains("|  | Replicas or units at the peak | 1 | 2 | +1 (+100%) |\n"))
        #expect(comment.contains("|  | GPUs paid at the peak | 1 | 4 | +3 (+300%) |\n"))
        #expect(comment.contains("|  | Average utilization | 11.4% | 45.7% | +34.2 points |\n"))
        #expect(!comment.contains("Requests unmet"))
        // The API option's capacity figures do not exist: no row, and nulls in the JSON.
        let gpt = try #require(d.options.first { $0.id == "gpt" })
        #expect(gpt.figure(.peakGPUs)?.old == nil && gpt.figure(.peakGPUs)?.new == nil)
        #expect(d.options.first { $0.id == "self" }?.figure(.unmetRequests) == FigureChange(figure: .unmetRequests, old: 0, new: 0))
    }

    @Test func unchangedCapacityGetsNoRow() throws {
        // Prices alone move: the money rows say "no change" where they did not, capacity stays quiet.
        let base = try DiffHeadlineTests.result("diff-base.json")
        let d = ResultDiff(name: "x", base: base, head: try DiffHeadlineTests.result("diff-base.json", ["options.self.gpu_hourly=3"]))
        let comment = DiffMarkdown.render(d, context: DiffContext(baseSource: "a.json", headSource: "b.json"))
        #expect(comment.contains("| Total, 12 months |"))
        #expect(!comment.contains("GPUs paid at the peak") && !comment.contains("Average utilization"))
    }
}

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

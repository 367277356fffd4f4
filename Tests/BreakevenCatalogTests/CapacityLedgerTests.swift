import Foundation
import Testing
@testable import BreakevenCatalog
@testable import BreakevenCore

/// The capacity model against the validation ledger, with the built-in catalog's specs (which is
/// why it lives beside the catalog tests: the ledger names catalog GPUs and models).
@Suite struct CapacityLedgerTests {
    let result = ValidationResult(catalog: try! CatalogStore.seed())

    @Test func everyPublishedPointIsWithinItsStatedBand() {
        for row in result.rows {
            #expect(row.problem == nil, "\(row.point.modelName) on \(row.point.deviceName): \(row.problem ?? "")")
            #expect(row.withinBand, "\(row.point.modelName) on \(row.point.deviceName) \(Int(row.point.inputTokens))/\(Int(row.point.outputTokens)): predicted \(row.predicted ?? 0) vs \(row.point.measured)")
        }
    }

    @Test func theLedgerCoversWhatTheIssueAsks() {
        let points = ValidationLedger.points
        #expect(points.count >= 30)
        let classes = Set(result.rows.compactMap { $0.point.setup(in: try! CatalogStore.seed())?.accelerator.acceleratorClass })
        #expect(classes.isSuperset(of: [.hopper, .blackwell, .cdna, .consumerRTX, .appleSilicon]))
        #expect(points.contains { $0.inputTokens >= 8000 })
        #expect(points.contains { p in if case .catalog(let id) = p.model { return id.contains("qwen3-235b") } else { return false } })
        // Every point names a source.
        #expect(points.allSatisfy { $0.source.contains("https://") })
    }

    @Test func heldOutAccuracyIsReportedApartFromTuning() {
        #expect(result.heldOut.count + result.tuning.count == result.rows.count)
        #expect(result.tuning.count >= 1)
        // The goal of issue 15 for the median; the 90th percentile is reported as it is (README).
        #expect(result.heldOut.medianAbsoluteError <= 0.15)
    }

    @Test func theReadmeClaimIsGeneratedFromTheLedger() throws {
        let readme = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("README.md")
        let text = try String(contentsOf: readme, encoding: .utf8)
        #expect(text.contains(result.markdownClaim), "README.md's accuracy block differs from `breakeven capacity validate --markdown`")
    }
}

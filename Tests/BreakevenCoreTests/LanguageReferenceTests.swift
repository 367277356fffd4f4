import Testing
@testable import BreakevenCore

@Suite("The language reference")
struct LanguageReferenceTests {
    /// The text of one `## title` section of the reference.
    static func section(_ title: String) -> Substring? {
        let markdown = LanguageReference.markdown()
        guard let start = markdown.range(of: "\n## \(title)\n") else { return nil }
        let rest = markdown[start.upperBound...]
        return rest[..<(rest.range(of: "\n## ")?.lowerBound ?? rest.endIndex)]
    }

    @Test func aListSaysHowPathsNameItsElementsAndWhetherItsSharesBalance() throws {
        let classes = try #require(Self.section("workload.request_classes"))
        #expect(classes.contains("names an element by its `name`, or by its index from 0. The `share`s sum to 1: one set by a path moves the others in proportion."))
        let routes = try #require(Self.section(#"options (type "mix").routes"#))
        #expect(routes.contains("by its `option`, or by its index from 0. The `share`s sum to 1"))
        let actuals = try #require(Self.section("workload.actuals"))
        #expect(actuals.contains("by its `month`, or by its index from 0.") && !actuals.contains("sum to 1"))
        let tiers = try #require(Self.section(#"options (type "api").prices.long_context"#))
        #expect(tiers.contains("names an element by its index from 0."))
    }
}

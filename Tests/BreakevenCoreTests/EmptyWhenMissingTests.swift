import Foundation
import Testing
@testable import BreakevenCore

/// `@EmptyWhenMissing`: a list added after files were written reads as empty where the file
/// leaves it out, and is written like the list itself.
@Suite("Lists empty when missing")
struct EmptyWhenMissingTests {
    static let price = #"{"id":"a/b","provider":"a","effectiveFrom":"2026-01-01","inputPerMTok":1,"outputPerMTok":2,"source":"s"}"#

    @Test func aSeedPriceWithoutItsListsHasNone() throws {
        let p = try JSONDecoder().decode(ModelPrice.self, from: Data(Self.price.utf8))
        #expect(p.longContext.isEmpty && p.timeOfDay.isEmpty && p.serviceTiers.isEmpty)
    }

    @Test func aNullListReadsAsEmpty() throws {
        let text = Self.price.replacingOccurrences(of: #""source""#, with: #""timeOfDay":null,"source""#)
        #expect(try JSONDecoder().decode(ModelPrice.self, from: Data(text.utf8)).timeOfDay.isEmpty)
    }

    @Test func aCatalogWrittenBeforeEntriesHasNone() throws {
        let text = #"{"modelPrices":[\#(Self.price)],"gpus":[],"gpuOffers":[],"openModels":[],"hardware":[],"plans":[]}"#
        let catalog = try JSONDecoder().decode(CatalogSnapshot.self, from: Data(text.utf8))
        #expect(catalog.entries.isEmpty && catalog.modelPrices.count == 1 && catalog.calibrations == nil)
    }

    @Test func anEmptyListIsWrittenAsOne() throws {
        let p = try JSONDecoder().decode(ModelPrice.self, from: Data(Self.price.utf8))
        #expect(try ExplicitNullTests.json(p).contains(#""longContext":[]"#))
    }

    @Test func aWrongTypeIsStillAnError() {
        let text = Self.price.replacingOccurrences(of: #""source""#, with: #""longContext":"none","source""#)
        #expect(throws: DecodingError.self) { try JSONDecoder().decode(ModelPrice.self, from: Data(text.utf8)) }
    }
}

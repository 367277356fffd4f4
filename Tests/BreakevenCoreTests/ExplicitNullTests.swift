import Foundation
import Testing
@testable import BreakevenCore

/// `@ExplicitNull`: the result JSON writes an unknown figure as null and reads a missing key as nil.
@Suite("Explicit nulls")
struct ExplicitNullTests {
    static func json(_ value: some Encodable) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        return String(decoding: try encoder.encode(value), as: UTF8.self)
    }

    @Test func anUnknownFigureIsWrittenAsNull() throws {
        #expect(try Self.json(Payback(against: "api", paybackMonth: nil, savings: 5)) == #"{"against":"api","payback_month":null,"savings":5}"#)
        #expect(try Self.json(Payback(against: "api", paybackMonth: 7, savings: 5)) == #"{"against":"api","payback_month":7,"savings":5}"#)
    }

    @Test func aMissingKeyOrANullReadsAsNil() throws {
        let missing = try JSONDecoder().decode(Payback.self, from: Data(#"{"against":"api","savings":5}"#.utf8))
        let null = try JSONDecoder().decode(Payback.self, from: Data(#"{"against":"api","payback_month":null,"savings":5}"#.utf8))
        let seven = try JSONDecoder().decode(Payback.self, from: Data(#"{"against":"api","payback_month":7,"savings":5}"#.utf8))
        #expect(missing.paybackMonth == nil)
        #expect(null.paybackMonth == nil)
        #expect(seven.paybackMonth == 7)
    }

    @Test func aWrongTypeIsStillAnError() {
        #expect(throws: DecodingError.self) {
            try JSONDecoder().decode(Payback.self, from: Data(#"{"against":"api","payback_month":"soon","savings":5}"#.utf8))
        }
    }
}

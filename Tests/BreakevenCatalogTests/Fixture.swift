@testable import BreakevenCore
import Foundation

/// The small price files committed under Fixtures/, cut from the real LiteLLM and genai-prices files.
enum Fixture {
    static func data(_ name: String) throws -> Data {
        guard let url = Bundle.module.url(forResource: name, withExtension: nil, subdirectory: "Fixtures") else {
            throw FixtureMissing(name: name)
        }
        return try Data(contentsOf: url)
    }

    struct FixtureMissing: Error {
        var name: String
    }
}

extension CalendarDay {
    /// `day("2026-11-01")`, for tests.
    static func day(_ text: String) -> CalendarDay {
        CalendarDay(text)!
    }
}

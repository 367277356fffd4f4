@testable import BreakevenCore
import Foundation
import GRDB

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

extension DatabaseWriter {
    /// Runs `sql` with the CHECK constraints off, as a tool that turned them off (or `sqlite3`) would
    /// leave a file: values the schema refuses.
    func damage(_ sql: String) throws {
        try writeWithoutTransaction { db in
            try db.execute(sql: "PRAGMA ignore_check_constraints = ON")
            try db.execute(sql: sql)
        }
    }
}

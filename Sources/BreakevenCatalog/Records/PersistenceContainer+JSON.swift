import Foundation
import GRDB

extension PersistenceContainer {
    /// Writes `value` as JSON text with sorted keys, so that the same value is always the same text.
    mutating func encodeJSON(_ value: some Encodable, forColumn column: String) throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        self[column] = String(decoding: try encoder.encode(value), as: UTF8.self)
    }
}

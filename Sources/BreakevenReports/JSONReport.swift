import Foundation
import BreakevenCore

/// The versioned result JSON: unrounded numbers, null where there is none, sorted keys.
public enum JSONReport {
    public static func render(_ result: BreakevenResult) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        let data = try encoder.encode(result)
        return String(decoding: data, as: UTF8.self) + "\n"
    }

    public static func decode(_ data: Data) throws -> BreakevenResult {
        try JSONDecoder().decode(BreakevenResult.self, from: data)
    }
}

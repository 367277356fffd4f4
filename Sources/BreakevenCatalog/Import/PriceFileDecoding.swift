import BreakevenCore
import Foundation

/// Decodes a price file and turns every failure into a `CatalogError.malformedFile` that says
/// where: Foundation's decoder reads the megabytes fast, and on failure only, Core's located
/// reader (`LocatedDecoding`) reads the file again to name the line, column and JSON path.
enum PriceFileDecoding {
    static func decode<T: Decodable>(_ type: T.Type, from data: Data, named name: String) throws -> T {
        // JSON between systems is UTF-8 (RFC 8259 §8.1). Foundation's decoder lets some bytes that
        // are not through (then no place of the file can be named later); Core's parser says where.
        if String(validating: data, as: UTF8.self) == nil {
            do throws(JSONParser.SyntaxError) {
                _ = try JSONParser.parse(Array(data))
            } catch {
                throw CatalogError.malformedFile(file: name, line: error.location.line, column: error.location.column, path: nil,
                                                 message: error.message)
            }
        }
        do {
            return try JSONDecoder().decode(type, from: data)
        } catch is DecodingError {
            do throws(Diagnostic) {
                return try LocatedDecoding.decode(type, from: Array(data))
            } catch {
                throw CatalogError.malformedFile(file: name, line: error.location.line, column: error.location.column,
                                                 path: error.path.isEmpty ? nil : error.path, message: error.message)
            }
        }
    }

    /// Where and why `data` does not decode as `T`: "3:14: models[2].price: expected a number, found \"x\"".
    static func locate<T: Decodable>(_ type: T.Type, in data: Data) -> String {
        do throws(Diagnostic) {
            _ = try LocatedDecoding.decode(type, from: Array(data))
            return "it does not decode"
        } catch {
            return "\(error.location.line):\(error.location.column): " + (error.path.isEmpty ? "" : "\(error.path): ") + error.message
        }
    }
}

/// A JSON object key known only at run time (model names, price field names).
struct AnyCodingKey: CodingKey {
    var stringValue: String
    var intValue: Int? { nil }

    init(stringValue: String) {
        self.stringValue = stringValue
    }

    init?(intValue: Int) {
        return nil
    }
}

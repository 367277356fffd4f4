import Foundation

/// Decodes a price file and turns every failure into a `CatalogError.malformedFile` that says
/// where: line and column for broken JSON, a JSON path for a value of the wrong shape.
enum PriceFileDecoding {
    static func decode<T: Decodable>(_ type: T.Type, from data: Data, named name: String) throws -> T {
        do {
            return try JSONDecoder().decode(type, from: data)
        } catch let error as DecodingError {
            if let syntax = JSONSyntaxLocator.firstError(in: data) {
                throw CatalogError.malformedFile(file: name, line: syntax.line, column: syntax.column, path: nil, message: syntax.message)
            }
            throw CatalogError.malformedFile(file: name, line: nil, column: nil, path: nil, message: DecodingErrorText.describe(error))
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

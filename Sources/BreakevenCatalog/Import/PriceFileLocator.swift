import BreakevenCore
import Foundation

/// Finds where a value sits in a price file, for an error that names the line and column of a
/// value the decoder read fine but the catalog refuses (an over-large price). The file is parsed
/// again with positions only on that error, never on the normal path.
enum PriceFileLocator {
    enum Step {
        case key(String)
        case index(Int)
    }

    /// The line and column of the value at `path` (of its key, for an object member), or nil.
    static func location(of path: [Step], in data: Data) -> SourceLocation? {
        guard var node = try? JSONParser.parse(Array(data)) else { return nil }
        var location = node.location
        for step in path {
            switch step {
            case .key(let key):
                guard let member = node.members?.first(where: { $0.key == key }) else { return nil }
                location = member.keyLocation
                node = member.value
            case .index(let i):
                guard let elements = node.elements, elements.indices.contains(i) else { return nil }
                node = elements[i]
                location = node.location
            }
        }
        return location
    }

    /// `["gpt-4o"].input_cost_per_token`, `[3].models[5].prices.input_mtok`
    static func text(_ path: [Step]) -> String {
        var text = ""
        for step in path {
            switch step {
            case .index(let i): text += "[\(i)]"
            case .key(let key):
                let plain = key.allSatisfy { $0.isLetter || $0.isNumber || $0 == "_" }
                text += plain ? (text.isEmpty ? key : "." + key) : "[\"\(key)\"]"
            }
        }
        return text
    }

    /// The error for a price above what any provider charges: the file stays out of the catalog.
    static func overLargePrice(_ value: Double, unit: PriceUnit, at path: [Step], in data: Data, file: String) -> CatalogError {
        let location = location(of: path, in: data)
        return .malformedFile(file: file, line: location?.line, column: location?.column, path: text(path),
                              message: "expected a price of at most \(unit.limitText), found \(value)")
    }

    /// The largest price an import accepts, per unit of the file: far above any real price, low enough
    /// that every bill stays finite (the scenario language's own ceilings).
    enum PriceUnit {
        case perToken, perMillionTokens, perRequest, perThousandRequests

        var limit: Double {
            switch self {
            case .perToken: 0.01
            case .perMillionTokens: 10_000
            case .perRequest: 1_000
            case .perThousandRequests: 1_000_000
            }
        }

        var limitText: String {
            switch self {
            case .perToken: "0.01 USD per token (10,000 per million)"
            case .perMillionTokens: "10,000 USD per million tokens"
            case .perRequest: "1,000 USD per request"
            case .perThousandRequests: "1,000,000 USD per thousand requests"
            }
        }
    }
}

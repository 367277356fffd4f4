/// Decoding with locations: the one way a JSON file's values are typed so that a problem names
/// its line, column and JSON path. Scenarios, result files, benchmark results, usage exports and
/// price files all go through Core's `JSONParser`; a fast path (Foundation's `JSONDecoder` for the
/// megabyte price files) comes here only when it fails, to say where.
public enum LocatedDecoding {
    /// `T` decoded from a file's bytes; the first problem, located, when it cannot be.
    public static func decode<T: Decodable>(_ type: T.Type, from bytes: [UInt8]) throws(Diagnostic) -> T {
        let document: JSONNode
        do {
            document = try JSONParser.parse(bytes)
        } catch {
            throw Diagnostic(at: error.location, path: "", error.message)
        }
        return try decode(type, from: document)
    }

    /// `T` decoded from a parsed document.
    public static func decode<T: Decodable>(_ type: T.Type, from document: JSONNode) throws(Diagnostic) -> T {
        do {
            return try JSONNodeDecoder.decode(type, from: document)
        } catch let error as DecodingError {
            throw diagnostic(error, in: document)
        } catch {
            throw Diagnostic(at: document.location, path: "", "cannot read the file: \(error)")
        }
    }

    /// A decoding error at the place in the file it concerns.
    static func diagnostic(_ error: DecodingError, in document: JSONNode) -> Diagnostic {
        func locate(_ path: [any CodingKey]) -> (node: JSONNode, path: String) {
            var node = document
            var text = ""
            for key in path {
                if let index = key.intValue, let items = node.elements, index < items.count {
                    node = items[index]
                    text = ShapeChecker.path(text, index: index)
                } else if let child = node[key.stringValue] {
                    node = child
                    text = ShapeChecker.path(text, key.stringValue)
                } else {
                    text = ShapeChecker.path(text, key.stringValue)
                }
            }
            return (node, text)
        }
        switch error {
        case .keyNotFound(let key, let context):
            let (node, path) = locate(context.codingPath)
            return Diagnostic(at: node.location, path: path, "missing required key \"\(key.stringValue)\"")
        case .typeMismatch(let type, let context), .valueNotFound(let type, let context):
            let (node, path) = locate(context.codingPath)
            if let integer = type as? any FixedWidthInteger.Type, let x = node.number, x == x.rounded() {
                return Diagnostic(at: node.location, path: path, "expected a whole number from \(range(integer)), found \(node.quoted)")
            }
            // A decoder of ours explains the shape it expected ("expected a JSON array of providers").
            let expected = context.debugDescription.hasPrefix("expected ") ? String(context.debugDescription.dropFirst(9)) : kind(type)
            return Diagnostic(at: node.location, path: path, "expected \(expected), found \(found(node))")
        case .dataCorrupted(let context):
            let (node, path) = locate(context.codingPath)
            return Diagnostic(at: node.location, path: path, context.debugDescription)
        @unknown default:
            return Diagnostic(at: document.location, path: "", "cannot read the result")
        }
    }

    /// What a value is, as a message names it: the value itself, or "an object" / "an array".
    static func found(_ node: JSONNode) -> String {
        if node.members != nil { return "an object" }
        if node.elements != nil { return "an array" }
        return node.quoted
    }

    static func range<T: FixedWidthInteger>(_ type: T.Type) -> String { "\(T.min) to \(T.max)" }

    static func kind(_ type: Any.Type) -> String {
        switch type {
        case is Double.Type, is Float.Type: return "a number"
        case is any FixedWidthInteger.Type: return "a whole number"
        case is String.Type, is CalendarMonth.Type: return "a string"
        case is Bool.Type: return "true or false"
        default:
            let name = String(describing: type)
            return name.hasPrefix("Array") ? "an array" : name.hasPrefix("Dictionary") ? "an object" : "a \(name)"
        }
    }
}

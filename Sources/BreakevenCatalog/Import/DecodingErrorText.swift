/// Turns a `DecodingError` into `path: message` with array positions written `[3]`, the way
/// diagnostics print JSON paths (Swift's coding path says "Index 3").
enum DecodingErrorText {
    static func path(_ codingPath: [any CodingKey]) -> String {
        var text = ""
        for key in codingPath {
            if let index = key.intValue {
                text += "[\(index)]"
            } else {
                text += text.isEmpty ? key.stringValue : ".\(key.stringValue)"
            }
        }
        return text
    }

    static func describe(_ error: DecodingError) -> String {
        let (codingPath, message): ([any CodingKey], String)
        switch error {
        case let .keyNotFound(key, context):
            (codingPath, message) = (context.codingPath, "missing key '\(key.stringValue)'")
        case let .typeMismatch(type, context):
            // Our own decoders explain the shape they expected; Foundation's say only "Expected to decode…".
            let explained = context.debugDescription.hasPrefix("expected ")
            (codingPath, message) = (context.codingPath, explained ? context.debugDescription : "expected \(describe(type))")
        case let .valueNotFound(type, context):
            (codingPath, message) = (context.codingPath, "expected \(describe(type)), found null")
        case let .dataCorrupted(context):
            (codingPath, message) = (context.codingPath, context.debugDescription)
        @unknown default:
            return "\(error)"
        }
        let location = path(codingPath)
        return location.isEmpty ? message : "\(location): \(message)"
    }

    private static func describe(_ type: Any.Type) -> String {
        switch type {
        case is String.Type: "a string"
        case is Double.Type, is Float.Type: "a number"
        case is Int.Type, is Int64.Type: "an integer"
        case is Bool.Type: "true or false"
        default:
            String(describing: type).hasPrefix("Array") ? "an array" : "an object"
        }
    }
}

/// A strict RFC 8259 parser that records the line and column of every value and key.
///
/// Foundation's JSONSerialization reports neither positions nor UTF-8 errors with their
/// place, and a scenario error without a line number is an error a user must hunt for.
public struct JSONParser {
    public struct SyntaxError: Error, Sendable, Hashable {
        public var location: SourceLocation
        public var message: String
    }

    private let bytes: [UInt8]
    private var index = 0
    private var line = 1
    private var column = 1
    private var depth = 0
    private var pythonConstants = false
    private static let maximumDepth = 256

    /// - Parameter pythonConstants: also read `NaN`, `Infinity` and `-Infinity` as numbers, as Python's
    ///   `json.dumps` writes a float that is not finite (benchmark tools' results: SGLang's default request
    ///   rate is `float("inf")`, llmperf's means of no request NaN); the reader decides what they mean.
    public static func parse(_ bytes: [UInt8], pythonConstants: Bool = false) throws(SyntaxError) -> JSONNode {
        var parser = JSONParser(bytes: bytes)
        parser.pythonConstants = pythonConstants
        // A UTF-8 byte order mark is tolerated, as editors on some systems write one.
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { parser.index = 3 }
        parser.skipWhitespace()
        let node = try parser.parseValue()
        parser.skipWhitespace()
        if parser.index < bytes.count {
            throw parser.error("expected the end of the file after the top-level value, found \(parser.describeCurrent())")
        }
        return node
    }

    private init(bytes: [UInt8]) {
        self.bytes = bytes
    }

    private var location: SourceLocation { SourceLocation(line: line, column: column) }

    private func error(_ message: String, at location: SourceLocation? = nil) -> SyntaxError {
        SyntaxError(location: location ?? self.location, message: message)
    }

    private func describeCurrent() -> String {
        guard index < bytes.count else { return "the end of the file" }
        let b = bytes[index]
        if b >= 0x21 && b < 0x7F { return "'\(Character(Unicode.Scalar(b)))'" }
        if b == 0x20 { return "a space" }
        if b < 0x20 { return "a control character" }
        return "a non-ASCII character"
    }

    /// Moves past one byte; columns count scalars, so UTF-8 continuation bytes do not advance them.
    private mutating func advance() {
        let b = bytes[index]
        index += 1
        if b == 0x0A {
            line += 1
            column = 1
        } else if b & 0xC0 != 0x80 {
            column += 1
        }
    }

    private mutating func skipWhitespace() {
        while index < bytes.count, [0x20, 0x09, 0x0A, 0x0D].contains(bytes[index]) { advance() }
    }

    private mutating func parseValue() throws(SyntaxError) -> JSONNode {
        let start = location
        guard index < bytes.count else { throw error("expected a value, found the end of the file") }
        switch bytes[index] {
        case UInt8(ascii: "{"): return try parseObject()
        case UInt8(ascii: "["): return try parseArray()
        case UInt8(ascii: "\""): return JSONNode(.string(try parseString()), at: start)
        case UInt8(ascii: "t"): try expectLiteral("true"); return JSONNode(.bool(true), at: start)
        case UInt8(ascii: "f"): try expectLiteral("false"); return JSONNode(.bool(false), at: start)
        case UInt8(ascii: "n"): try expectLiteral("null"); return JSONNode(.null, at: start)
        case UInt8(ascii: "N") where pythonConstants: try expectLiteral("NaN"); return JSONNode(.number(.nan, text: "NaN"), at: start)
        case UInt8(ascii: "I") where pythonConstants:
            try expectLiteral("Infinity"); return JSONNode(.number(.infinity, text: "Infinity"), at: start)
        case UInt8(ascii: "-") where pythonConstants && bytes[index...].dropFirst().first == UInt8(ascii: "I"):
            try expectLiteral("-Infinity"); return JSONNode(.number(-.infinity, text: "-Infinity"), at: start)
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): return try parseNumber()
        default: throw error("expected a value, found \(describeCurrent())")
        }
    }

    private mutating func expectLiteral(_ word: String) throws(SyntaxError) {
        let start = location
        for expected in word.utf8 {
            guard index < bytes.count, bytes[index] == expected else {
                throw error("expected '\(word)', found \(describeCurrent())", at: start)
            }
            advance()
        }
    }

    private mutating func enter() throws(SyntaxError) {
        depth += 1
        if depth > JSONParser.maximumDepth { throw error("values are nested more than \(JSONParser.maximumDepth) deep") }
    }

    private mutating func parseObject() throws(SyntaxError) -> JSONNode {
        let start = location
        var members: [JSONNode.Member] = []
        try parseElements(closing: "}") { p throws(SyntaxError) in
            guard p.index < p.bytes.count, p.bytes[p.index] == UInt8(ascii: "\"") else {
                throw p.error("expected a key in double quotes, found \(p.describeCurrent())")
            }
            let keyLocation = p.location
            let key = try p.parseString()
            p.skipWhitespace()
            guard p.index < p.bytes.count, p.bytes[p.index] == UInt8(ascii: ":") else {
                throw p.error("expected ':' after the key \"\(key)\", found \(p.describeCurrent())")
            }
            p.advance()
            p.skipWhitespace()
            members.append(JSONNode.Member(key: key, keyLocation: keyLocation, value: try p.parseValue()))
            return "the value of \"\(key)\""
        }
        return JSONNode(.object(members), at: start)
    }

    private mutating func parseArray() throws(SyntaxError) -> JSONNode {
        let start = location
        var items: [JSONNode] = []
        try parseElements(closing: "]") { p throws(SyntaxError) in
            items.append(try p.parseValue())
            return "an array element"
        }
        return JSONNode(.array(items), at: start)
    }

    /// The comma-separated elements of an object or an array, from its opening bracket (at the
    /// cursor) to `close`, each read by `element`, which names what a misplaced byte follows.
    private mutating func parseElements(closing close: Unicode.Scalar,
                                        _ element: (inout JSONParser) throws(SyntaxError) -> String) throws(SyntaxError) {
        try enter()
        advance()  // { or [
        skipWhitespace()
        if index < bytes.count, bytes[index] == UInt8(ascii: close) {
            advance()
            depth -= 1
            return
        }
        while true {
            skipWhitespace()
            let what = try element(&self)
            skipWhitespace()
            guard index < bytes.count else { throw error("expected ',' or '\(close)', found the end of the file") }
            if bytes[index] == UInt8(ascii: ",") {
                advance()
                continue
            }
            if bytes[index] == UInt8(ascii: close) {
                advance()
                depth -= 1
                return
            }
            throw error("expected ',' or '\(close)' after \(what), found \(describeCurrent())")
        }
    }

    private mutating func parseNumber() throws(SyntaxError) -> JSONNode {
        let start = location
        let first = index
        func digit(_ b: UInt8) -> Bool { b >= UInt8(ascii: "0") && b <= UInt8(ascii: "9") }
        if bytes[index] == UInt8(ascii: "-") { advance() }
        guard index < bytes.count, digit(bytes[index]) else {
            throw error("expected a digit, found \(describeCurrent())")
        }
        if bytes[index] == UInt8(ascii: "0") {
            advance()
            if index < bytes.count, digit(bytes[index]) {
                throw error("a number may not start with a leading zero", at: start)
            }
        } else {
            while index < bytes.count, digit(bytes[index]) { advance() }
        }
        if index < bytes.count, bytes[index] == UInt8(ascii: ".") {
            advance()
            guard index < bytes.count, digit(bytes[index]) else {
                throw error("expected a digit after the decimal point, found \(describeCurrent())")
            }
            while index < bytes.count, digit(bytes[index]) { advance() }
        }
        if index < bytes.count, bytes[index] == UInt8(ascii: "e") || bytes[index] == UInt8(ascii: "E") {
            advance()
            if index < bytes.count, bytes[index] == UInt8(ascii: "+") || bytes[index] == UInt8(ascii: "-") { advance() }
            guard index < bytes.count, digit(bytes[index]) else {
                throw error("expected a digit in the exponent, found \(describeCurrent())")
            }
            while index < bytes.count, digit(bytes[index]) { advance() }
        }
        let text = String(decoding: bytes[first..<index], as: UTF8.self)
        guard let value = Double(text), value.isFinite else {
            throw error("the number \(text) is too large to represent", at: start)
        }
        return JSONNode(.number(value, text: text), at: start)
    }

    private mutating func parseString() throws(SyntaxError) -> String {
        advance()  // opening quote
        var scalars = String.UnicodeScalarView()
        while true {
            guard index < bytes.count else { throw error("unterminated string: expected '\"', found the end of the file") }
            let b = bytes[index]
            switch b {
            case UInt8(ascii: "\""):
                advance()
                return String(scalars)
            case UInt8(ascii: "\\"):
                let escapeLocation = location
                advance()
                guard index < bytes.count else { throw error("unterminated string: expected '\"', found the end of the file") }
                let e = bytes[index]
                advance()
                switch e {
                case UInt8(ascii: "\""): scalars.append("\"")
                case UInt8(ascii: "\\"): scalars.append("\\")
                case UInt8(ascii: "/"): scalars.append("/")
                case UInt8(ascii: "b"): scalars.append("\u{08}")
                case UInt8(ascii: "f"): scalars.append("\u{0C}")
                case UInt8(ascii: "n"): scalars.append("\n")
                case UInt8(ascii: "r"): scalars.append("\r")
                case UInt8(ascii: "t"): scalars.append("\t")
                case UInt8(ascii: "u"):
                    var code = try parseHex4(escapeLocation)
                    if (0xD800...0xDBFF).contains(code) {
                        // A high surrogate must be followed by an escaped low surrogate.
                        guard index + 1 < bytes.count, bytes[index] == UInt8(ascii: "\\"), bytes[index + 1] == UInt8(ascii: "u") else {
                            throw error("invalid \\u escape: a high surrogate without its low surrogate", at: escapeLocation)
                        }
                        advance(); advance()
                        let low = try parseHex4(escapeLocation)
                        guard (0xDC00...0xDFFF).contains(low) else {
                            throw error("invalid \\u escape: a high surrogate without its low surrogate", at: escapeLocation)
                        }
                        code = 0x10000 + ((code - 0xD800) << 10) + (low - 0xDC00)
                    }
                    guard let scalar = Unicode.Scalar(code) else {
                        throw error("invalid \\u escape: a lone surrogate", at: escapeLocation)
                    }
                    scalars.append(scalar)
                default:
                    throw error("invalid escape '\\\(Character(Unicode.Scalar(e)))' in a string", at: escapeLocation)
                }
            case 0x00..<0x20:
                throw error("a control character inside a string must be escaped")
            case 0x20..<0x80:
                scalars.append(Unicode.Scalar(b))
                advance()
            default:
                scalars.append(try decodeUTF8Scalar())
            }
        }
    }

    private mutating func parseHex4(_ escapeLocation: SourceLocation) throws(SyntaxError) -> UInt32 {
        var code: UInt32 = 0
        for _ in 0..<4 {
            guard index < bytes.count, let v = hexValue(bytes[index]) else {
                throw error("invalid \\u escape: expected four hexadecimal digits", at: escapeLocation)
            }
            code = code * 16 + v
            advance()
        }
        return code
    }

    private func hexValue(_ b: UInt8) -> UInt32? {
        switch b {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): return UInt32(b - UInt8(ascii: "0"))
        case UInt8(ascii: "a")...UInt8(ascii: "f"): return UInt32(b - UInt8(ascii: "a") + 10)
        case UInt8(ascii: "A")...UInt8(ascii: "F"): return UInt32(b - UInt8(ascii: "A") + 10)
        default: return nil
        }
    }

    /// Decodes one multi-byte UTF-8 sequence, rejecting overlong forms and surrogates.
    private mutating func decodeUTF8Scalar() throws(SyntaxError) -> Unicode.Scalar {
        let start = location
        let lead = bytes[index]
        let invalid = error("invalid UTF-8 byte 0x\(String(lead, radix: 16, uppercase: true))", at: start)
        let (count, initial, minimum): (Int, UInt32, UInt32)
        switch lead {
        case 0xC2...0xDF: (count, initial, minimum) = (1, UInt32(lead & 0x1F), 0x80)
        case 0xE0...0xEF: (count, initial, minimum) = (2, UInt32(lead & 0x0F), 0x800)
        case 0xF0...0xF4: (count, initial, minimum) = (3, UInt32(lead & 0x07), 0x10000)
        default: throw invalid
        }
        guard index + count < bytes.count else { throw invalid }
        var code = initial
        for k in 1...count {
            let c = bytes[index + k]
            guard c & 0xC0 == 0x80 else { throw invalid }
            code = (code << 6) | UInt32(c & 0x3F)
        }
        guard code >= minimum, let scalar = Unicode.Scalar(code) else { throw invalid }
        for _ in 0...count { advance() }
        return scalar
    }
}

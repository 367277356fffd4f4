import Foundation

/// Finds the first syntax error in a JSON text and where it is (1-based line and column, columns
/// counted in characters). Foundation's parsers only say that the data is not valid JSON, so when
/// they fail this scanner runs over the bytes once more to tell the user where the file broke.
struct JSONSyntaxLocator {
    struct Failure: Equatable {
        var line: Int
        var column: Int
        var message: String
    }

    private let bytes: [UInt8]
    private var index = 0
    private static let maximumDepth = 512

    static func firstError(in data: Data) -> Failure? {
        var locator = JSONSyntaxLocator(bytes: Array(data))
        return locator.check()
    }

    private init(bytes: [UInt8]) {
        self.bytes = bytes
    }

    private struct Stop: Error {
        var offset: Int
        var message: String
    }

    private mutating func check() -> Failure? {
        do {
            skipBOM()
            skipWhitespace()
            try value(depth: 0)
            skipWhitespace()
            if index < bytes.count {
                throw Stop(offset: index, message: "unexpected \(found()) after the end of the JSON value")
            }
            return nil
        } catch let stop as Stop {
            let (line, column) = position(of: stop.offset)
            return Failure(line: line, column: column, message: stop.message)
        } catch {
            return nil
        }
    }

    private mutating func value(depth: Int) throws {
        guard depth < Self.maximumDepth else { throw Stop(offset: index, message: "nesting deeper than \(Self.maximumDepth) levels") }
        guard index < bytes.count else { throw unexpectedEnd(expecting: "a value") }
        switch bytes[index] {
        case UInt8(ascii: "{"): try object(depth: depth)
        case UInt8(ascii: "["): try array(depth: depth)
        case UInt8(ascii: "\""): try string()
        case UInt8(ascii: "t"): try literal("true")
        case UInt8(ascii: "f"): try literal("false")
        case UInt8(ascii: "n"): try literal("null")
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): try number()
        default: throw unexpected(expecting: "a value")
        }
    }

    private mutating func object(depth: Int) throws {
        index += 1
        skipWhitespace()
        if peek(UInt8(ascii: "}")) { index += 1; return }
        while true {
            guard index < bytes.count else { throw unexpectedEnd(expecting: "a string key") }
            guard bytes[index] == UInt8(ascii: "\"") else { throw unexpected(expecting: "a string key") }
            try string()
            skipWhitespace()
            guard index < bytes.count else { throw unexpectedEnd(expecting: "':'") }
            guard bytes[index] == UInt8(ascii: ":") else { throw unexpected(expecting: "':' after the key") }
            index += 1
            skipWhitespace()
            try value(depth: depth + 1)
            skipWhitespace()
            guard index < bytes.count else { throw unexpectedEnd(expecting: "',' or '}'") }
            if bytes[index] == UInt8(ascii: "}") { index += 1; return }
            guard bytes[index] == UInt8(ascii: ",") else { throw unexpected(expecting: "',' or '}'") }
            index += 1
            skipWhitespace()
        }
    }

    private mutating func array(depth: Int) throws {
        index += 1
        skipWhitespace()
        if peek(UInt8(ascii: "]")) { index += 1; return }
        while true {
            try value(depth: depth + 1)
            skipWhitespace()
            guard index < bytes.count else { throw unexpectedEnd(expecting: "',' or ']'") }
            if bytes[index] == UInt8(ascii: "]") { index += 1; return }
            guard bytes[index] == UInt8(ascii: ",") else { throw unexpected(expecting: "',' or ']'") }
            index += 1
            skipWhitespace()
        }
    }

    private mutating func string() throws {
        index += 1
        while index < bytes.count {
            let byte = bytes[index]
            switch byte {
            case UInt8(ascii: "\""):
                index += 1
                return
            case UInt8(ascii: "\\"):
                index += 1
                guard index < bytes.count else { throw unexpectedEnd(expecting: "an escaped character") }
                let escaped = bytes[index]
                if escaped == UInt8(ascii: "u") {
                    for _ in 0..<4 {
                        index += 1
                        guard index < bytes.count else { throw unexpectedEnd(expecting: "four hex digits after \\u") }
                        guard Self.isHexDigit(bytes[index]) else { throw unexpected(expecting: "four hex digits after \\u") }
                    }
                } else if !"\"\\/bfnrt".utf8.contains(escaped) {
                    throw unexpected(expecting: "an escape such as \\n or \\\"")
                }
                index += 1
            case 0..<0x20:
                throw Stop(offset: index, message: "control character inside a string (a missing closing quote?)")
            default:
                index += 1
            }
        }
        throw unexpectedEnd(expecting: "'\"' to close the string")
    }

    private mutating func number() throws {
        if peek(UInt8(ascii: "-")) { index += 1 }
        try digits(leadingZeroAlone: true)
        if peek(UInt8(ascii: ".")) {
            index += 1
            try digits(leadingZeroAlone: false)
        }
        if peek(UInt8(ascii: "e")) || peek(UInt8(ascii: "E")) {
            index += 1
            if peek(UInt8(ascii: "+")) || peek(UInt8(ascii: "-")) { index += 1 }
            try digits(leadingZeroAlone: false)
        }
    }

    private mutating func digits(leadingZeroAlone: Bool) throws {
        guard index < bytes.count else { throw unexpectedEnd(expecting: "a digit") }
        guard Self.isDigit(bytes[index]) else { throw unexpected(expecting: "a digit") }
        if leadingZeroAlone && bytes[index] == UInt8(ascii: "0") {
            index += 1
            return
        }
        while index < bytes.count, Self.isDigit(bytes[index]) { index += 1 }
    }

    private mutating func literal(_ word: String) throws {
        for expected in word.utf8 {
            guard index < bytes.count else { throw unexpectedEnd(expecting: "'\(word)'") }
            guard bytes[index] == expected else { throw unexpected(expecting: "'\(word)'") }
            index += 1
        }
    }

    private mutating func skipWhitespace() {
        while index < bytes.count, [0x20, 0x0A, 0x0D, 0x09].contains(bytes[index]) { index += 1 }
    }

    private mutating func skipBOM() {
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { index = 3 }
    }

    private func peek(_ byte: UInt8) -> Bool {
        index < bytes.count && bytes[index] == byte
    }

    private func unexpectedEnd(expecting what: String) -> Stop {
        Stop(offset: bytes.count, message: "unexpected end of file, expected \(what) (is the file truncated?)")
    }

    private func unexpected(expecting what: String) -> Stop {
        Stop(offset: index, message: "unexpected \(found()), expected \(what)")
    }

    private func found() -> String {
        let byte = bytes[index]
        if byte >= 0x21 && byte < 0x7F { return "'\(Character(Unicode.Scalar(byte)))'" }
        return byte < 0x80 ? "byte 0x\(String(byte, radix: 16))" : "a non-ASCII character"
    }

    /// Line and column of a byte offset; UTF-8 continuation bytes do not start a column.
    private func position(of offset: Int) -> (line: Int, column: Int) {
        var line = 1, column = 1
        for byte in bytes[..<min(offset, bytes.count)] {
            if byte == 0x0A {
                line += 1
                column = 1
            } else if byte & 0xC0 != 0x80 {
                column += 1
            }
        }
        return (line, column)
    }

    private static func isDigit(_ byte: UInt8) -> Bool { byte >= 0x30 && byte <= 0x39 }

    private static func isHexDigit(_ byte: UInt8) -> Bool {
        isDigit(byte) || (byte >= 0x41 && byte <= 0x46) || (byte >= 0x61 && byte <= 0x66)
    }
}

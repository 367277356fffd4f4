/// Decodes a `Decodable` from a parsed `JSONNode`, so that a file's values are typed by the
/// same parser that located them: every error carries the coding path of the value at fault
/// (turned into line:column by the caller), and a number too large or not whole for an integer
/// is an error, never a trap (Foundation's decoder says only "not valid JSON" at 1:1).
struct JSONNodeDecoder: Decoder, SingleValueDecodingContainer {
    let node: JSONNode
    let codingPath: [any CodingKey]
    var userInfo: [CodingUserInfoKey: Any] { [:] }

    init(_ node: JSONNode, codingPath: [any CodingKey] = []) {
        self.node = node
        self.codingPath = codingPath
    }

    static func decode<T: Decodable>(_ type: T.Type, from node: JSONNode) throws -> T {
        try T(from: JSONNodeDecoder(node))
    }

    func mismatch(_ type: Any.Type) -> DecodingError {
        .typeMismatch(type, .init(codingPath: codingPath, debugDescription: "\(type) wanted, \(node.quoted) found"))
    }

    // MARK: Decoder

    func container<Key: CodingKey>(keyedBy type: Key.Type) throws -> KeyedDecodingContainer<Key> {
        guard let members = node.members else { throw mismatch([String: Any].self) }
        return KeyedDecodingContainer(Keyed<Key>(decoder: self, members: members))
    }

    func unkeyedContainer() throws -> any UnkeyedDecodingContainer {
        guard let elements = node.elements else { throw mismatch([Any].self) }
        return Unkeyed(decoder: self, elements: elements)
    }

    func singleValueContainer() throws -> any SingleValueDecodingContainer { self }

    // MARK: Single values

    func decodeNil() -> Bool { node.value == .null }

    func decode(_ type: Bool.Type) throws -> Bool {
        guard case .bool(let b) = node.value else { throw mismatch(type) }
        return b
    }

    func decode(_ type: String.Type) throws -> String {
        guard let s = node.string else { throw mismatch(type) }
        return s
    }

    func decode(_ type: Double.Type) throws -> Double {
        guard let x = node.number else { throw mismatch(type) }
        return x
    }

    func decode(_ type: Float.Type) throws -> Float {
        guard let x = node.number, let f = Float(exactly: x) ?? (abs(x) <= Double(Float.greatestFiniteMagnitude) ? Float(x) : nil) else {
            throw mismatch(type)
        }
        return f
    }

    /// A whole number within the type's range; `T(exactly:)` refuses the rest without trapping.
    func integer<T: FixedWidthInteger>(_ type: T.Type) throws -> T {
        guard let x = node.number, let n = T(exactly: x) else { throw mismatch(type) }
        return n
    }

    func decode(_ type: Int.Type) throws -> Int { try integer(type) }
    func decode(_ type: Int8.Type) throws -> Int8 { try integer(type) }
    func decode(_ type: Int16.Type) throws -> Int16 { try integer(type) }
    func decode(_ type: Int32.Type) throws -> Int32 { try integer(type) }
    func decode(_ type: Int64.Type) throws -> Int64 { try integer(type) }
    func decode(_ type: UInt.Type) throws -> UInt { try integer(type) }
    func decode(_ type: UInt8.Type) throws -> UInt8 { try integer(type) }
    func decode(_ type: UInt16.Type) throws -> UInt16 { try integer(type) }
    func decode(_ type: UInt32.Type) throws -> UInt32 { try integer(type) }
    func decode(_ type: UInt64.Type) throws -> UInt64 { try integer(type) }

    func decode<T: Decodable>(_ type: T.Type) throws -> T { try T(from: self) }

    // MARK: Containers

    struct Keyed<Key: CodingKey>: KeyedDecodingContainerProtocol {
        let decoder: JSONNodeDecoder
        let members: [JSONNode.Member]
        var codingPath: [any CodingKey] { decoder.codingPath }
        var allKeys: [Key] { members.compactMap { Key(stringValue: $0.key) } }

        func contains(_ key: Key) -> Bool { members.contains { $0.key == key.stringValue } }

        func value(_ key: Key) throws -> JSONNodeDecoder {
            guard let member = members.first(where: { $0.key == key.stringValue }) else {
                throw DecodingError.keyNotFound(key, .init(codingPath: codingPath, debugDescription: "missing required key \"\(key.stringValue)\""))
            }
            return JSONNodeDecoder(member.value, codingPath: codingPath + [key])
        }

        func decodeNil(forKey key: Key) throws -> Bool { try value(key).decodeNil() }
        func decode(_ t: Bool.Type, forKey key: Key) throws -> Bool { try value(key).decode(t) }
        func decode(_ t: String.Type, forKey key: Key) throws -> String { try value(key).decode(t) }
        func decode(_ t: Double.Type, forKey key: Key) throws -> Double { try value(key).decode(t) }
        func decode(_ t: Float.Type, forKey key: Key) throws -> Float { try value(key).decode(t) }
        func decode(_ t: Int.Type, forKey key: Key) throws -> Int { try value(key).decode(t) }
        func decode(_ t: Int8.Type, forKey key: Key) throws -> Int8 { try value(key).decode(t) }
        func decode(_ t: Int16.Type, forKey key: Key) throws -> Int16 { try value(key).decode(t) }
        func decode(_ t: Int32.Type, forKey key: Key) throws -> Int32 { try value(key).decode(t) }
        func decode(_ t: Int64.Type, forKey key: Key) throws -> Int64 { try value(key).decode(t) }
        func decode(_ t: UInt.Type, forKey key: Key) throws -> UInt { try value(key).decode(t) }
        func decode(_ t: UInt8.Type, forKey key: Key) throws -> UInt8 { try value(key).decode(t) }
        func decode(_ t: UInt16.Type, forKey key: Key) throws -> UInt16 { try value(key).decode(t) }
        func decode(_ t: UInt32.Type, forKey key: Key) throws -> UInt32 { try value(key).decode(t) }
        func decode(_ t: UInt64.Type, forKey key: Key) throws -> UInt64 { try value(key).decode(t) }
        func decode<T: Decodable>(_ t: T.Type, forKey key: Key) throws -> T { try value(key).decode(t) }

        func nestedContainer<NestedKey: CodingKey>(keyedBy type: NestedKey.Type, forKey key: Key) throws -> KeyedDecodingContainer<NestedKey> {
            try value(key).container(keyedBy: type)
        }
        func nestedUnkeyedContainer(forKey key: Key) throws -> any UnkeyedDecodingContainer { try value(key).unkeyedContainer() }
        func superDecoder() throws -> any Decoder { decoder }
        func superDecoder(forKey key: Key) throws -> any Decoder { try value(key) }
    }

    struct Unkeyed: UnkeyedDecodingContainer {
        let decoder: JSONNodeDecoder
        let elements: [JSONNode]
        var currentIndex = 0
        var codingPath: [any CodingKey] { decoder.codingPath }
        var count: Int? { elements.count }
        var isAtEnd: Bool { currentIndex >= elements.count }

        struct Index: CodingKey {
            var intValue: Int?
            var stringValue: String { "Index \(intValue ?? 0)" }
            init(intValue: Int) { self.intValue = intValue }
            init?(stringValue: String) { nil }
        }

        mutating func next() throws -> JSONNodeDecoder {
            guard !isAtEnd else {
                throw DecodingError.valueNotFound(Any.self, .init(codingPath: codingPath, debugDescription: "expected more elements"))
            }
            defer { currentIndex += 1 }
            return JSONNodeDecoder(elements[currentIndex], codingPath: codingPath + [Index(intValue: currentIndex)])
        }

        mutating func decodeNil() throws -> Bool {
            guard !isAtEnd, elements[currentIndex].value == .null else { return false }
            currentIndex += 1
            return true
        }
        mutating func decode(_ t: Bool.Type) throws -> Bool { try next().decode(t) }
        mutating func decode(_ t: String.Type) throws -> String { try next().decode(t) }
        mutating func decode(_ t: Double.Type) throws -> Double { try next().decode(t) }
        mutating func decode(_ t: Float.Type) throws -> Float { try next().decode(t) }
        mutating func decode(_ t: Int.Type) throws -> Int { try next().decode(t) }
        mutating func decode(_ t: Int8.Type) throws -> Int8 { try next().decode(t) }
        mutating func decode(_ t: Int16.Type) throws -> Int16 { try next().decode(t) }
        mutating func decode(_ t: Int32.Type) throws -> Int32 { try next().decode(t) }
        mutating func decode(_ t: Int64.Type) throws -> Int64 { try next().decode(t) }
        mutating func decode(_ t: UInt.Type) throws -> UInt { try next().decode(t) }
        mutating func decode(_ t: UInt8.Type) throws -> UInt8 { try next().decode(t) }
        mutating func decode(_ t: UInt16.Type) throws -> UInt16 { try next().decode(t) }
        mutating func decode(_ t: UInt32.Type) throws -> UInt32 { try next().decode(t) }
        mutating func decode(_ t: UInt64.Type) throws -> UInt64 { try next().decode(t) }
        mutating func decode<T: Decodable>(_ t: T.Type) throws -> T { try next().decode(t) }

        mutating func nestedContainer<NestedKey: CodingKey>(keyedBy type: NestedKey.Type) throws -> KeyedDecodingContainer<NestedKey> {
            try next().container(keyedBy: type)
        }
        mutating func nestedUnkeyedContainer() throws -> any UnkeyedDecodingContainer { try next().unkeyedContainer() }
        mutating func superDecoder() throws -> any Decoder { try next() }
    }
}

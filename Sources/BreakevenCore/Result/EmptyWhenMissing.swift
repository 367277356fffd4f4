/// A list added to a file format after files were written: a file without its key (or with
/// null) reads as the empty list, so older results, catalogs and seed entries still read. It is
/// written like the list itself. The companion of `ExplicitNull`: one annotation instead of a
/// hand-written decoder that repeats every other field to default one.
@propertyWrapper
public struct EmptyWhenMissing<Value: Codable & Hashable & Sendable & RangeReplaceableCollection>: Codable, Hashable, Sendable {
    public var wrappedValue: Value

    public init(wrappedValue: Value) {
        self.wrappedValue = wrappedValue
    }

    public init(from decoder: any Decoder) throws {
        wrappedValue = try decoder.singleValueContainer().decode(Value.self)
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.singleValueContainer()
        try c.encode(wrappedValue)
    }
}

extension KeyedDecodingContainer {
    /// The synthesised decoder asks for the wrapper itself: a missing key (or null) is the empty list.
    /// Public with the wrapper, so that a type of another module that uses it decodes the same way.
    public func decode<Value>(_ type: EmptyWhenMissing<Value>.Type, forKey key: Key) throws -> EmptyWhenMissing<Value> {
        try decodeIfPresent(type, forKey: key) ?? EmptyWhenMissing(wrappedValue: Value())
    }
}

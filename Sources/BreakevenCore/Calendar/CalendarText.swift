/// A calendar value JSON writes as its text ("2026-07-30", "2026-07"): encoded as its
/// description, decoded by its parser, whose format names the expectation in the error.
protocol CalendarText: Codable, CustomStringConvertible {
    /// "YYYY-MM-DD", "YYYY-MM".
    static var textFormat: String { get }
    init?(_ text: String)
}

extension CalendarText {
    public init(from decoder: any Decoder) throws {
        let text = try decoder.singleValueContainer().decode(String.self)
        guard let value = Self(text) else {
            throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath,
                                                    debugDescription: "expected \(Self.textFormat), found \(text)"))
        }
        self = value
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }
}

/// A unit in the result JSON: `{"kind": "money", "per": "GPU-hour"}`, `{"kind": "share"}`,
/// `{"kind": "trend"}` (a share a year), `{"kind": "count", "of": "requests a month"}`,
/// `{"kind": "quantity", "in": "W"}`, `{"kind": "plain"}`, `{"kind": "month"}`, `{"kind": "text"}`.
extension ValueUnit: Codable {
    enum CodingKeys: String, CodingKey {
        case kind, per, of
        case quantityUnit = "in"
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        switch self {
        case .money(let per):
            try c.encode("money", forKey: .kind)
            try c.encodeIfPresent(per, forKey: .per)
        case .percent(let perYear): try c.encode(perYear ? "trend" : "share", forKey: .kind)
        case .count(let noun):
            try c.encode("count", forKey: .kind)
            try c.encode(noun, forKey: .of)
        case .quantity(let unit):
            try c.encode("quantity", forKey: .kind)
            try c.encode(unit, forKey: .quantityUnit)
        case .plain: try c.encode("plain", forKey: .kind)
        case .month: try c.encode("month", forKey: .kind)
        case .text: try c.encode("text", forKey: .kind)
        }
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        switch try c.decode(String.self, forKey: .kind) {
        case "money": self = .money(per: try c.decodeIfPresent(String.self, forKey: .per))
        case "share": self = .share
        case "trend": self = .trend
        case "count": self = .count(try c.decode(String.self, forKey: .of))
        case "quantity": self = .quantity(try c.decode(String.self, forKey: .quantityUnit))
        case "plain": self = .plain
        case "month": self = .month
        case "text": self = .text
        case let other:
            throw DecodingError.dataCorruptedError(forKey: .kind, in: c, debugDescription: "unknown unit kind \"\(other)\"")
        }
    }
}

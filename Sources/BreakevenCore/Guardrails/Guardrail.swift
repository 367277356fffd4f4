/// A limit written in a scenario's `guardrails`: `{ "option": "self", "metric": "total_cost",
/// "max": 2000000 }`. `option` is an option id or `*` for every option. The result JSON carries
/// these, so `diff` can check them from result files as well as from scenarios.
public struct Guardrail: Sendable, Hashable, Codable {
    public enum Bound: Sendable, Hashable {
        /// Breached when the value is above it.
        case max(Double)
        /// Breached when the value is below it.
        case min(Double)
    }

    /// An option id, or `*` for every option the metric applies to.
    public var option: String
    public var metric: GuardrailMetric
    public var bound: Bound

    /// "self.total_cost max 2000000", as messages quote it.
    public var text: String {
        switch bound {
        case .max(let x): return "\(option).\(metric.rawValue) max \(GuardrailRule.plain(x))"
        case .min(let x): return "\(option).\(metric.rawValue) min \(GuardrailRule.plain(x))"
        }
    }
}

extension Guardrail {
    enum CodingKeys: String, CodingKey { case option, metric, max, min }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(option, forKey: .option)
        try c.encode(metric, forKey: .metric)
        switch bound {
        case .max(let x): try c.encode(x, forKey: .max)
        case .min(let x): try c.encode(x, forKey: .min)
        }
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        option = try c.decode(String.self, forKey: .option)
        metric = try c.decode(GuardrailMetric.self, forKey: .metric)
        switch (try c.decodeIfPresent(Double.self, forKey: .max), try c.decodeIfPresent(Double.self, forKey: .min)) {
        case (let x?, nil): bound = .max(x)
        case (nil, let x?): bound = .min(x)
        default:
            throw DecodingError.dataCorrupted(.init(codingPath: c.codingPath, debugDescription: "expected exactly one of \"max\" and \"min\""))
        }
    }
}

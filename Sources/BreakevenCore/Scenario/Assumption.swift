/// One input of a scenario as the report lists it: where it is, its value and where it came from.
public struct Assumption: Sendable, Hashable, Codable {
    public enum Source: Sendable, Hashable {
        /// Written in the scenario file.
        case scenario
        /// Given on the command line with `--set`.
        case override
        /// Not written: the language's documented default.
        case defaultValue
        /// Not written: a default measured from published benchmarks, with where (the capacity
        /// model's efficiencies). An input like any other: it can be set and varied.
        case measuredDefault(String)
        /// Taken from a catalog entry: its id, effective date and source.
        case catalog(id: String, effectiveFrom: String, source: String)
        /// Computed from other inputs (the capacity model), with how.
        case derived(String)
    }

    /// Path with option ids, as `--set` takes it: `options.self.gpu_hourly`.
    public var path: String
    /// The value as JSON text.
    public var value: String
    public var source: Source
    /// The key's human name and unit, from the language's doc ("GPU price", money per GPU-hour),
    /// so that a report made from a result file words the input as the run did; nil where the
    /// input has no key of its own.
    public var title: String?
    public var unit: ValueUnit?

    public init(path: String, value: String, source: Source, title: String? = nil, unit: ValueUnit? = nil) {
        self.path = path
        self.value = value
        self.source = source
        self.title = title
        self.unit = unit
    }

    enum CodingKeys: String, CodingKey {
        case path, value, source, title, unit
        case catalogID = "catalog_id"
        case effectiveFrom = "effective_from"
        case reference
    }

    /// Flat JSON: `source` is "scenario", "--set", "default", "catalog" or "derived"; catalog values
    /// add `catalog_id`, `effective_from` and `reference`; measured defaults and derived values
    /// add `reference`.
    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(path, forKey: .path)
        try c.encode(value, forKey: .value)
        try c.encodeIfPresent(title, forKey: .title)
        try c.encodeIfPresent(unit, forKey: .unit)
        switch source {
        case .scenario: try c.encode("scenario", forKey: .source)
        case .override: try c.encode("--set", forKey: .source)
        case .defaultValue: try c.encode("default", forKey: .source)
        case .measuredDefault(let how):
            try c.encode("default", forKey: .source)
            try c.encode(how, forKey: .reference)
        case .derived(let how):
            try c.encode("derived", forKey: .source)
            try c.encode(how, forKey: .reference)
        case .catalog(let id, let date, let reference):
            try c.encode("catalog", forKey: .source)
            try c.encode(id, forKey: .catalogID)
            try c.encode(date, forKey: .effectiveFrom)
            try c.encode(reference, forKey: .reference)
        }
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        path = try c.decode(String.self, forKey: .path)
        value = try c.decode(String.self, forKey: .value)
        title = try c.decodeIfPresent(String.self, forKey: .title)
        unit = try c.decodeIfPresent(ValueUnit.self, forKey: .unit)
        switch try c.decode(String.self, forKey: .source) {
        case "scenario": source = .scenario
        case "--set": source = .override
        case "default": source = try c.decodeIfPresent(String.self, forKey: .reference).map(Source.measuredDefault) ?? .defaultValue
        case "derived": source = .derived(try c.decode(String.self, forKey: .reference))
        case "catalog":
            source = .catalog(id: try c.decode(String.self, forKey: .catalogID),
                              effectiveFrom: try c.decode(String.self, forKey: .effectiveFrom),
                              source: try c.decode(String.self, forKey: .reference))
        case let other:
            throw DecodingError.dataCorruptedError(forKey: .source, in: c, debugDescription: "unknown assumption source \"\(other)\"")
        }
    }

    public var sourceDescription: String {
        switch source {
        case .scenario: return "scenario"
        case .override: return "--set"
        case .defaultValue: return "default"
        case .measuredDefault(let how): return "default: \(how)"
        case .catalog(let id, let date, let source): return "catalog \(id) (\(date); \(source))"
        case .derived(let how): return "derived: \(how)"
        }
    }
}

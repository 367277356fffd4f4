import BreakevenCore

/// One side of a diff, as its result describes the scenario.
public struct DiffSide: Sendable, Hashable, Codable {
    public var scenario: String
    /// SHA-256 of the scenario's canonical JSON (after `--set`).
    public var sha256: String
    public var start: CalendarMonth
    public var months: Int
    public var currency: String
    public var baseline: String
    var baselineLabel: String

    init(_ r: BreakevenResult) {
        scenario = r.scenario.name
        sha256 = r.scenario.sha256
        start = r.scenario.start
        months = r.scenario.months
        currency = r.scenario.currency
        baseline = r.baseline
        baselineLabel = r.baselineOption?.label ?? r.baseline
    }

    enum CodingKeys: String, CodingKey {
        case scenario, sha256, start, months, currency, baseline
        case baselineLabel = "baseline_label"
    }
}

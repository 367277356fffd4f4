import BreakevenCore

/// What `export prices` renders: the options that provision capacity, each with its effective
/// token prices month by month (`OptionResult.tokenCosts`), and with an uncertainty block the same
/// for the trials at p10/p50/p90 of its total cost. Renderers read only this, never the engine:
/// any option whose result carries `tokenCosts` is exported, whatever its kind.
public struct PriceForecast: Sendable {
    public struct Option: Sendable {
        public var id: String
        public var label: String
        /// The model name gateways log for it (default: the option id).
        public var modelName: String
        public var costs: TokenCostBreakdown
        /// nil for the scenario's own projection; "p10", "p50", "p90" for a percentile trial.
        public var percentile: String?
    }

    public var scenarioName: String
    /// The scenario file, for x_Source.
    public var scenarioFile: String
    public var currency: String
    /// The point forecast first, then the percentile trials, each in the scenario's option order.
    public var options: [Option]

    /// - Parameters:
    ///   - percentiles: per option id, the results of its p10/p50/p90 trials (label, that trial's option result).
    ///   - only: export only this option.
    ///   - modelName: the model name for `only` (default: its id).
    public init(result: BreakevenResult, scenarioFile: String, percentiles: [String: [(label: String, option: OptionResult)]] = [:],
                only: String? = nil, modelName: String? = nil) {
        scenarioName = result.scenario.name
        self.scenarioFile = scenarioFile
        currency = result.scenario.currency
        let chosen = result.options.filter { $0.tokenCosts != nil && (only == nil || $0.id == only) }
        func name(_ id: String) -> String { only == id ? modelName ?? id : id }
        options = chosen.map { Option(id: $0.id, label: $0.label, modelName: name($0.id), costs: $0.tokenCosts!, percentile: nil) }
        for option in chosen {
            for (label, trial) in percentiles[option.id] ?? [] {
                guard let costs = trial.tokenCosts else { continue }
                options.append(Option(id: option.id, label: option.label, modelName: name(option.id), costs: costs, percentile: label))
            }
        }
    }

    /// The point forecast of each option (what gateways take: one price per month).
    var pointOptions: [Option] { options.filter { $0.percentile == nil } }

    /// A number as JSON and YAML read it back exactly: Swift's shortest round-trip form.
    static func number(_ x: Double) -> String {
        x == x.rounded() && abs(x) < 1e15 ? String(Int(x)) : "\(x)"
    }
}

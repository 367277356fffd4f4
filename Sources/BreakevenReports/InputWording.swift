import BreakevenCore

/// How reports name an input and write its values: the language's title and unit for its key
/// (carried by the result's assumptions, so a report made from a result file words it the same
/// as the run did), the option it belongs to, and values to 3 significant digits in that unit
/// ("GPU price · Self-hosted Llama", "$2.26 per GPU-hour"). An input without a doc keeps its path.
struct InputWording {
    struct Doc: Hashable {
        var title: String
        var unit: ValueUnit
    }

    var money: MoneyFormat
    var docs: [String: Doc]
    /// Option ids with their labels, longest id first (an id may hold dots).
    var options: [(id: String, label: String)]

    init(money: MoneyFormat, assumptions: [Assumption], options: [(id: String, label: String)]) {
        self.money = money
        var docs: [String: Doc] = [:]
        for a in assumptions {
            // A key that is not a number (a catalog id) has a title and no unit.
            if let title = a.title, docs[a.path] == nil { docs[a.path] = Doc(title: title, unit: a.unit ?? .text) }
        }
        self.docs = docs
        self.options = options.sorted { $0.id.count > $1.id.count }
    }

    init(_ r: BreakevenResult) {
        self.init(money: r.money, assumptions: r.assumptions, options: r.options.map { ($0.id, $0.label) })
    }

    /// The axes of a sweep, named as the scenario's assumptions name them.
    init(_ grid: SweepGrid) {
        let axes = [grid.x] + (grid.y.map { [$0] } ?? [])
        self.init(money: grid.money, assumptions: axes.map { Assumption(path: $0.path, value: "", source: .scenario, title: $0.title, unit: $0.unit) },
                  options: Array(zip(grid.optionIDs, grid.optionLabels)))
    }

    /// The inputs of a diff, and its options on either side.
    init(_ d: ResultDiff) {
        self.init(money: d.head.money,
                  assumptions: d.inputs.map { Assumption(path: $0.path, value: "", source: .scenario, title: $0.title, unit: $0.unit) },
                  options: d.options.map { ($0.id, $0.label) })
    }

    /// An axis title: the name with the unit its ticks are in: "GPU price ($ per GPU-hour) ·
    /// Self-hosted Llama", "Monthly growth (%)", "Requests a month".
    func axisTitle(_ path: String) -> String {
        guard let doc = docs[path] else { return path }
        var unit: String?
        switch doc.unit {
        case .money(let per): unit = money.sign.trimmingSuffix(" ") + (per.map { " per " + $0 } ?? "")
        case .percent: unit = "%"
        case .count(let noun) where noun.lowercased() != doc.title.lowercased(): unit = noun
        case .quantity(let symbol): unit = symbol
        default: unit = nil
        }
        return doc.title + (unit.map { " (\($0))" } ?? "") + (owner(path).map { " · " + $0 } ?? "")
    }

    /// The key's title, and the label of the option it belongs to: "GPU price · Self-hosted
    /// Llama 3.3 70B"; the path when the key has no doc.
    func name(_ path: String) -> String {
        guard let doc = docs[path] else { return path }
        return doc.title + (owner(path).map { " · " + $0 } ?? "")
    }

    /// The label of the option a path is under: `options.self.gpu_hourly` → "Self-hosted …", and
    /// so is the distribution of an input that is uncertain (`uncertainty.inputs.options.self.…`).
    func owner(_ path: String) -> String? {
        let input = path.hasPrefix(Self.uncertain) ? String(path.dropFirst(Self.uncertain.count)) : path
        return options.first { input.hasPrefix("options.\($0.id).") }?.label
    }

    static let uncertain = "uncertainty.inputs."

    func unit(_ path: String) -> ValueUnit? { docs[path]?.unit }

    /// A value with its unit: "$2.26 per GPU-hour", "-38.7%", "3M requests a month".
    func value(_ x: Double, at path: String) -> String {
        docs[path].map { Self.value(x, $0.unit, money, full: true) } ?? Money.significant(x, digits: 3)
    }

    /// A value without the words of its unit, where space is short (a bar's end): "$2.26", "-38.7%", "3M".
    func short(_ x: Double, at path: String) -> String {
        docs[path].map { Self.value(x, $0.unit, money, full: false) } ?? Money.significant(x, digits: 3)
    }

    /// A value as the assumptions write it (JSON text): a number in its unit, a string unquoted,
    /// anything else as written.
    func text(_ json: String, at path: String) -> String {
        if let x = Double(json), x.isFinite, !json.hasPrefix("\"") { return value(x, at: path) }
        if json.count >= 2, json.hasPrefix("\""), json.hasSuffix("\""), !json.dropFirst().dropLast().contains("\"") {
            return String(json.dropFirst().dropLast())
        }
        return json
    }

    /// A number in a unit, to 3 significant digits: money as "$2.26" (cents below $100, whole
    /// amounts to $10,000, "$220k" above), shares as "38.7%", counts as "24.7B".
    static func value(_ x: Double, _ unit: ValueUnit, _ money: MoneyFormat, full: Bool) -> String {
        switch unit {
        case .money(let per):
            return money.significant(x) + (full ? per.map { " per " + $0 } ?? "" : "")
        case .percent:
            return Money.significant(x * 100, digits: 3) + "%"
        case .count(let noun):
            return Money.count(x) + (full ? " " + noun : "")
        case .quantity(let symbol):
            return Money.count(x) + (full ? " " + symbol : "")
        case .month:
            return full ? "month " + Money.significant(x, digits: 3) : Money.significant(x, digits: 3)
        case .plain, .text:
            return Money.count(x)
        }
    }
}

extension String {
    func trimmingSuffix(_ suffix: String) -> String {
        hasSuffix(suffix) ? String(dropLast(suffix.count)) : self
    }
}

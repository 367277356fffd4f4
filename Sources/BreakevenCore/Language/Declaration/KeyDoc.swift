/// What a key of the language means to a person: its human name and unit, which tornado rows,
/// sweep axes and diff inputs print instead of a JSON path ("API price change per year",
/// "-38.7%"; "GPU price", "$2.26 per GPU-hour"), and the one-line doc the JSON Schema carries.
struct KeyDoc: Sendable, Hashable {
    var title: String
    var unit: ValueUnit
    var text: String

    init(_ title: String, _ unit: ValueUnit, _ text: String) {
        self.title = title
        self.unit = unit
        self.text = text
    }
}

/// How a key's value reads: the unit a report prints it in.
public enum ValueUnit: Sendable, Hashable {
    /// An amount of the scenario's currency, per something or not: "$2.26 per GPU-hour".
    case money(per: String?)
    /// A share or a rate, printed as a percentage: 0.387 → "38.7%"; `perYear` adds "a year".
    case percent(perYear: Bool)
    /// A count of things: "2,000 requests a month", "1,800 tokens".
    case count(String)
    /// A quantity with its unit: "550 W", "24 hours a day", "50 ms".
    case quantity(String)
    /// A number without a unit: a multiplier, a ratio, a language version.
    case plain
    /// A 1-based month of the horizon.
    case month
    /// Text: an id, a name, a choice among words.
    case text

    public static let money = ValueUnit.money(per: nil)
    public static let share = ValueUnit.percent(perYear: false)
    static let trend = ValueUnit.percent(perYear: true)
}

/// Settings of a kind that carries fixed costs of its own: one-time and monthly amounts.
protocol OverheadSettings: OptionSettings {
    var oneTime: [String: Double] { get set }
    var monthlyFixed: [String: Double] { get set }
}

/// Settings of a kind run by people of its own.
protocol StaffedSettings: OverheadSettings {
    var team: TeamSettings { get set }
}

/// Settings of a kind whose model may write more output tokens than the workload asks for.
protocol MultipliedSettings: OptionSettings {
    var outputTokenMultiplier: Double? { get set }
}

/// `team`: the people who run an option.
struct TeamSettings: KeySettings {
    var engineers: Double?
    var costPerEngineerPerYear: Double?
}

/// Keys several option kinds share, declared once. Each takes the kind's own stored key path (a
/// path through the protocol requirement would be a computed one, which `FieldAccess` cannot
/// reach by offset: every trial would copy the settings out and back).
enum SharedKeys {
    static func oneTime<S: OverheadSettings>(_ path: SettingPath<S, [String: Double]>) -> Key<S> {
        Key.amounts("one_time", path, .atLeast(0, atMost: 1e10), KeyDoc(
            "One-time cost", .money,
            "One-time costs by name (migration, setup), paid in the option's first month."))
    }

    static func monthlyFixed<S: OverheadSettings>(_ path: SettingPath<S, [String: Double]>) -> Key<S> {
        Key.amounts("monthly_fixed", path, .atLeast(0, atMost: 1e9), KeyDoc(
            "Fixed monthly cost", .money(per: "month"),
            "Fixed monthly costs by name (observability, support contracts)."))
    }

    static let engineers = NumberKey<TeamSettings, Double>("engineers", \.engineers, .atLeast(0, atMost: 1000), required: true, KeyDoc(
        "Engineers", .quantity("full-time engineers"), "Full-time engineers who run the option."))
    static let costPerEngineer = NumberKey<TeamSettings, Double>("cost_per_engineer_per_year", \.costPerEngineerPerYear,
                                                                 .atLeast(0, atMost: 1e7), required: true, KeyDoc(
        "Cost per engineer", .money(per: "engineer-year"), "Loaded yearly cost of one engineer."))

    static func team<S: StaffedSettings>(_ who: String, _ path: SettingPath<S, TeamSettings>) -> Key<S> {
        ObjectKey("team", path, [engineers.key, costPerEngineer.key], whenAbsent: .note("none"), KeyDoc(
            "Team", .text, who)).key
    }

    static func outputMultiplier<S: MultipliedSettings>(_ path: SettingPath<S, Double?>) -> NumberKey<S, Double> {
        NumberKey("output_token_multiplier", path, .above(0, atMost: 100), default: .value(1), KeyDoc(
            "Output tokens per workload output token", .plain,
            "Output tokens this option produces per output token of the workload (e.g. reasoning tokens)."))
    }

    /// `overflow`: what an option cannot serve goes to an `api` option, or stays "unmet".
    static let unmet = "unmet"

    static func overflow<S>(_ path: SettingPath<S, String?>, _ text: String) -> TextKey<S> {
        TextKey("overflow", path, .slug, default: unmet, KeyDoc("Overflow", .text, text))
    }

    /// Checks that an overflow names an api option of the scenario, or "unmet".
    static func checkOverflow(_ written: String?, _ r: KeyReader) {
        guard let target = overflowOptionID(written) else { return }
        if let kind = r.context.optionKinds[target] {
            if kind != .api { r.error("overflow", "expected the id of an api option or \"unmet\", found \"\(target)\" (\(kind.withArticle) option)") }
        } else {
            r.error("overflow", "unknown option id \"\(target)\"" + Suggestion.clause(for: target, in: r.context.optionIDs + [unmet]))
        }
    }

    /// The api option an overflow names; nil for "unmet" (the default).
    static func overflowOptionID(_ written: String?) -> String? { written == unmet ? nil : written }

    /// The overheads an option's months charge, from its settings.
    static func overheads<S: OverheadSettings>(_ s: UnsafePointer<S>) -> Overheads {
        Overheads(oneTime: s.pointee.oneTime, monthlyFixed: s.pointee.monthlyFixed)
    }

    static func overheads<S: StaffedSettings>(_ s: UnsafePointer<S>) -> Overheads {
        let team = s.pointee.team
        return Overheads(engineers: engineers.value(team, .dollars) ?? 0, costPerEngineerPerYear: costPerEngineer.value(team, .dollars) ?? 0,
                         oneTime: s.pointee.oneTime, monthlyFixed: s.pointee.monthlyFixed)
    }

    /// A yearly trend of a price: -0.3 falls 30% a year.
    static let trend = NumberBounds.above(-1, atMost: 10)

    /// Amounts of money up to a ceiling.
    static func money(_ max: Double) -> NumberBounds { .atLeast(0, atMost: max) }

    /// GPUs rented together: 1 to an NVL72 rack's 72.
    static let instanceGPUs = NumberBounds.atLeast(1, atMost: 72)
}

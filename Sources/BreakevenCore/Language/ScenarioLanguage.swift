/// Version 1 of the scenario language, declared once: the top-level keys here, the workload's in
/// `WorkloadDeclaration`, each option kind's in its file of `Kinds/`. The checker, the resolver,
/// `breakeven schema`, the numeric inputs of `--set`-like trials and the human names reports
/// print all read these declarations.
public enum ScenarioLanguage {
    public static let version = 1

    struct Settings: KeySettings {
        var version: Double?
        var name: String?
        var description: String?
        var profile: Scenario.Profile?
        var currency: String?
        var usdRate: Double?
        var start: String?
        var asOf: String?
        var months: Int?
        var discountRate: Double?
        var baseline: String?
    }

    static let profile = ChoiceKey<Settings, Scenario.Profile>("profile", \.profile, default: .enterprise, KeyDoc(
        "Profile", .text, "Who asks: a company or a person."))
    static let currency = TextKey<Settings>("currency", \.currency, .currencyCode, default: Currency.usd.code, KeyDoc(
        "Currency", .text, "The currency of every amount the scenario writes and every report prints: a 3-letter code (USD, EUR, GBP, ...)."))
    static let usdRate = NumberKey<Settings, Double>("usd_rate", \.usdRate, .atLeast(1e-6, atMost: 1e6), KeyDoc(
        "Exchange rate", .plain,
        "Units of currency per US dollar: converts the catalog's prices, which are in US dollars. Needed when currency is not USD and a price comes from the catalog."))
    static let start = TextKey<Settings>("start", \.start, .month, required: true, KeyDoc("Start", .text, "First month, \"YYYY-MM\"."))
    static let months = NumberKey<Settings, Int>("months", \.months, .atLeast(1, atMost: 240), default: .value(36), KeyDoc(
        "Horizon", .count("months"), "Months projected."))
    static let discountRate = NumberKey<Settings, Double>("discount_rate", \.discountRate, .atLeast(0, atMost: 1), default: .value(0), KeyDoc(
        "Discount rate", .trend, "Yearly rate for NPV."))

    /// The keys read before the workload, in the order the assumptions list them.
    static let leadingKeys: [Key<Settings>] = [
        TextKey("$schema", \Settings.asOfIgnored, recorded: false, KeyDoc("Schema", .text, "The JSON Schema this file follows (for editors).")).key,
        unrecorded(NumberKey("version", \Settings.version, NumberBounds(), required: true, KeyDoc("Language version", .plain, "Language version: 1.")).key),
        TextKey("name", \Settings.name, required: true, recorded: false, KeyDoc("Name", .text, "What the scenario is about.")).key,
        TextKey("description", \Settings.description, recorded: false, KeyDoc("Description", .text, "Where its figures come from.")).key,
        profile.key, currency.key, usdRate.key, start.key,
        TextKey("as_of", \Settings.asOf, .day, recorded: false, KeyDoc(
            "Prices as of", .text, "Which dated catalog prices apply, \"YYYY-MM-DD\" (default: the first day of start).")).key,
        months.key, discountRate.key,
    ]

    /// A key read but not listed among the assumptions (the version is no cost input).
    private static func unrecorded(_ key: Key<Settings>) -> Key<Settings> {
        var key = key
        key.record = { _, _, _ in }
        return key
    }

    static let baseline = TextKey<Settings>("baseline", \.baseline, .slug, recorded: false, KeyDoc(
        "Baseline", .text, "The option the others are compared with (default: the first)."))

    static let option = Shape.tagged(TaggedShape(
        tagKey: "type",
        common: [
            Field("id", .string(.slug), required: true, "Unique id, used by baseline, overflow and --set."),
            Field("label", .string(.text), "Name shown in reports (default: the id)."),
            Field("type", .string(.oneOf(OptionKind.allCases.map(\.rawValue))), required: true, "The kind of option."),
        ],
        variants: OptionKind.allCases.map { ($0.rawValue, $0.declaration.objectShape) }))

    /// Options are named by their id in paths (`options.self.gpu_hourly`).
    static let options: Field = {
        var field = Field("options", .array(option, count: 1...50), required: true, "The ways of serving it.")
        field.list.elementKey = ElementKey(name: "id", noun: "option id")
        return field
    }()

    static let scenario = Shape.object(ObjectShape(
        leadingKeys.map(\.field) + [
            Field("uncertainty", uncertainty, "Uncertain inputs and their distributions: Monte Carlo trials and a tornado of the savings."),
            Field("workload", .object(WorkloadDeclaration.objectShape), required: true, "What is asked of the model."),
            options,
            baseline.key.field,
            Field("guardrails", .array(guardrail, count: 0...100), default: "[]", "Limits run and diff check: a breach exits with status 1."),
        ], doc: "A breakeven scenario, version 1."))

    /// Whether the language has the key at a dotted path of objects ("workload.cache_write_share"),
    /// for a writer of scenarios that must not write a key this version lacks.
    public static func hasKey(_ path: String) -> Bool {
        var shape = scenario
        for name in path.split(separator: ".") {
            guard case .object(let object) = shape, let field = object.field(String(name)) else { return false }
            shape = field.shape
        }
        return true
    }
}

extension ScenarioLanguage.Settings {
    /// `$schema` is for editors: read nowhere.
    var asOfIgnored: String? {
        get { nil }
        set {}
    }
}

/// Version 1 of the scenario language: every key, its shape, its default and what it means.
/// The checker and `breakeven schema` both read this one declaration.
public enum ScenarioLanguage {
    public static let version = 1

    // Sanity ceilings: far above any real workload, low enough that no month can overflow.
    static let maxRequestsPerMonth = 1e12
    static let maxTokensPerRequest = 1e8
    static let maxPricePerMTok = 1e4

    static func money(_ max: Double) -> Shape { .number(.atLeast(0, atMost: max)) }
    static let share = Shape.number(.share)
    static let trend = Shape.number(.above(-1, atMost: 10))

    static let throughput = Shape.object(ObjectShape([
        Field("output_tokens_per_second", .number(.above(0, atMost: 1e7)), required: true,
              "Output tokens per second one replica (or unit) generates in aggregate at its operating batch."),
        Field("input_tokens_per_second", .number(.above(0, atMost: 1e8)), required: true,
              "Prompt tokens per second one replica (or unit) prefills."),
    ]))

    static let team = Shape.object(ObjectShape([
        Field("engineers", .number(.atLeast(0, atMost: 1000)), required: true, "Full-time engineers who run the option."),
        Field("cost_per_engineer_per_year", money(1e7), required: true, "Loaded yearly cost of one engineer."),
    ]))

    static let oneTime = Field("one_time", .map(money(1e10), maxCount: 50), default: "{}",
                               "One-time costs by name (migration, setup), paid in the option's first month.")
    static let monthlyFixed = Field("monthly_fixed", .map(money(1e9), maxCount: 50), default: "{}",
                                    "Fixed monthly costs by name (observability, support contracts).")
    static let outputMultiplier = Field("output_token_multiplier", .number(.above(0, atMost: 100)), default: "1",
                                        "Output tokens this option produces per output token of the workload (e.g. reasoning tokens).")

    static let longContextTier = Shape.object(ObjectShape([
        Field("above_input_tokens", .integer(min: 0, max: 100_000_000), required: true,
              "The tier applies to a whole request whose prompt exceeds this many tokens."),
        Field("input_per_mtok", money(maxPricePerMTok), required: true, "USD per million input tokens in this tier."),
        Field("output_per_mtok", money(maxPricePerMTok), required: true, "USD per million output tokens in this tier."),
        Field("cached_input_per_mtok", money(maxPricePerMTok), "USD per million cached input tokens in this tier (default: the tier's input price)."),
    ]))

    static let prices = Shape.object(ObjectShape([
        Field("input_per_mtok", money(maxPricePerMTok), required: true, "USD per million input tokens."),
        Field("output_per_mtok", money(maxPricePerMTok), required: true, "USD per million output tokens."),
        Field("cached_input_per_mtok", money(maxPricePerMTok), "USD per million cached (cache-read) input tokens (default: the input price)."),
        Field("batch_discount", share, default: "0", "Discount on batch traffic, 0 to 1 (0.5 for the usual batch APIs)."),
        Field("per_request", money(1000), default: "0", "USD per request on top of the tokens."),
        Field("long_context", .array(longContextTier, count: 0...20), default: "[]", "Long-context cliffs: prices for requests whose prompt exceeds a threshold."),
    ]))

    static let apiOption = ObjectShape([
        Field("prices", prices, required: true, "Per-million-token prices."),
        Field("price_change_per_year", trend, default: "0", "Yearly price trend: -0.3 means prices fall 30% a year."),
        outputMultiplier,
        Field("discount", share, default: "0", "Negotiated discount on the whole bill, 0 to 1."),
        Field("minimum_monthly", money(1e9), default: "0", "Minimum monthly commitment in USD."),
        oneTime, monthlyFixed,
    ], doc: "A model behind a pay-per-token API: closed, or a hosted open model.")

    static let selfHostedOption = ObjectShape([
        Field("gpu_hourly", money(1000), required: true, "USD per GPU-hour."),
        Field("gpus_per_replica", .integer(min: 1, max: 64), default: "1", "GPUs that serve one model replica."),
        Field("throughput", throughput, required: true, "Per-replica throughput at its operating batch."),
        Field("max_utilization", .number(.above(0, atMost: 1)), default: "0.7", "Share of a replica's capacity the sizing may plan to use."),
        Field("min_replicas", .integer(min: 0, max: 10_000), default: "1", "Replicas kept running whatever the load."),
        Field("scaling", .string(.oneOf(["static", "hourly"])), default: "\"static\"", "static: provision the month's peak all month; hourly: follow the daily load shape."),
        Field("gpu_price_change_per_year", trend, default: "0", "Yearly trend of the GPU-hour price."),
        Field("team", team, "Engineers who operate the deployment."),
        oneTime, monthlyFixed, outputMultiplier,
    ], doc: "Open models on rented GPUs.")

    static let ownedHardwareOption = ObjectShape([
        Field("purchase_price", money(1e8), required: true, "USD per unit."),
        Field("units", .anyOf([.integer(min: 1, max: 10_000), .string(.oneOf(["auto"]))]), default: "\"auto\"",
              "Units owned, or \"auto\" to buy a unit in the month it is first needed."),
        Field("throughput", throughput, required: true, "Per-unit throughput."),
        Field("max_utilization", .number(.above(0, atMost: 1)), default: "0.7", "Share of a unit's time on that the sizing may plan to use."),
        Field("hours_on_per_day", .number(.above(0, atMost: 24)), default: "24", "Hours a day the machines are on."),
        Field("watts_busy", .number(.atLeast(0, atMost: 1e6)), default: "0", "Power draw per unit while generating, in watts."),
        Field("watts_idle", .number(.atLeast(0, atMost: 1e6)), default: "0", "Power draw per unit while on and idle, in watts."),
        Field("electricity_per_kwh", money(10), default: "0", "USD per kWh."),
        Field("lifetime_months", .integer(min: 1, max: 240), default: "36", "Months before a unit is replaced."),
        Field("resale_share", share, default: "0", "Share of the price a unit fetches at the end of its lifetime."),
        Field("accounting", .string(.oneOf(["cash", "amortized"])), default: "\"cash\"", "cash: pay the price when bought; amortized: spread it over the lifetime."),
        Field("hardware_price_change_per_year", trend, default: "0", "Yearly trend of the purchase price."),
        Field("team", team, "People who look after the machines."),
        oneTime, monthlyFixed, outputMultiplier,
    ], doc: "Bought machines: capital cost, power and resale.")

    static let subscriptionOption = ObjectShape([
        Field("monthly_fee", money(1e6), required: true, "USD per seat per month."),
        Field("seats", .integer(min: 1, max: 1_000_000), default: "1", "Seats paid for."),
        Field("included", .object(ObjectShape([
            Field("requests_per_month", .number(.atLeast(0, atMost: maxRequestsPerMonth)), required: true, "Requests included per seat per month."),
        ])), "What a seat includes (absent: unlimited)."),
        Field("overflow", .string(.slug), default: "\"unmet\"", "The id of an api option that serves requests beyond what is included, or \"unmet\"."),
        Field("price_change_per_year", trend, default: "0", "Yearly trend of the fee."),
    ], doc: "A flat fee per seat with a usage cap.")

    static let option = Shape.tagged(TaggedShape(
        tagKey: "type",
        common: [
            Field("id", .string(.slug), required: true, "Unique id, used by baseline, overflow and --set."),
            Field("label", .string(.text), "Name shown in reports (default: the id)."),
            Field("type", .string(.oneOf(["api", "self_hosted", "owned_hardware", "subscription"])), required: true, "The kind of option."),
        ],
        variants: [
            ("api", apiOption), ("self_hosted", selfHostedOption),
            ("owned_hardware", ownedHardwareOption), ("subscription", subscriptionOption),
        ]))

    static let requestClass = Shape.object(ObjectShape([
        Field("name", .string(.text), required: true, "Name of the class (chat, RAG, summarise…)."),
        Field("share", share, required: true, "Share of requests in this class; shares sum to 1."),
        Field("input_tokens_per_request", .number(.atLeast(0, atMost: maxTokensPerRequest)), required: true, "Prompt tokens per request."),
        Field("output_tokens_per_request", .number(.atLeast(0, atMost: maxTokensPerRequest)), required: true, "Output tokens per request."),
        Field("cached_input_share", share, default: "0", "Share of prompt tokens served from the prompt cache."),
    ]))

    static let growth = Shape.object(ObjectShape([
        Field("monthly_rate", .number(.above(-1, atMost: 10)), "Volume × (1 + r)^i in month i."),
        Field("annual_rate", .number(.above(-1, atMost: 1000)), "Volume × (1 + a)^(i/12)."),
        Field("schedule", .array(.number(.atLeast(0, atMost: 1e6)), count: 1...240), "Multipliers per month from month 1; the last holds."),
        Field("logistic", .object(ObjectShape([
            Field("ceiling", .number(.atLeast(1, atMost: 1e6)), required: true, "Multiplier the volume approaches."),
            Field("steepness", .number(.above(0, atMost: 10)), required: true, "How fast it gets there."),
        ])), "Adoption curve c / (1 + (c − 1)·e^(−k·i))."),
    ], exactlyOne: [[Alternative(["monthly_rate"]), Alternative(["annual_rate"]), Alternative(["schedule"]), Alternative(["logistic"])]]))

    static let loadShape = Shape.object(ObjectShape([
        Field("peak_to_average", .number(.atLeast(1, atMost: 1000)), "Peak hourly load over the average."),
        Field("hourly", .array(.number(.atLeast(0, atMost: 1e6)), count: 24...24), "24 relative weights, hour 0 to 23 (not all zero)."),
    ], exactlyOne: [[Alternative(["peak_to_average"]), Alternative(["hourly"])]]))

    static let workload = Shape.object(ObjectShape([
        Field("requests_per_month", .number(.atLeast(0, atMost: maxRequestsPerMonth)), "Requests in month 1."),
        Field("requests_per_day", .number(.atLeast(0, atMost: maxRequestsPerMonth / 31)), "Requests per day in month 1 (× the days of each month)."),
        Field("input_tokens_per_request", .number(.atLeast(0, atMost: maxTokensPerRequest)), "Prompt tokens per request."),
        Field("output_tokens_per_request", .number(.atLeast(0, atMost: maxTokensPerRequest)), "Output tokens per request."),
        Field("cached_input_share", share, default: "0", "Share of prompt tokens served from the prompt cache."),
        Field("request_classes", .array(requestClass, count: 1...100), "Several kinds of request instead of one size."),
        Field("batch_share", share, default: "0", "Share of traffic that can wait for a batch API or valleys."),
        Field("growth", growth, default: "flat", "How the volume changes month by month."),
        Field("load_shape", loadShape, default: "flat", "How load spreads over the day."),
    ], exactlyOne: [
        [Alternative(["requests_per_month"]), Alternative(["requests_per_day"])],
        // One request size, or several classes of request.
        [Alternative(["input_tokens_per_request", "output_tokens_per_request"], optional: ["cached_input_share"]),
         Alternative(["request_classes"])],
    ]))

    public static let scenario = Shape.object(ObjectShape([
        Field("$schema", .string(.text), "The JSON Schema this file follows (for editors)."),
        Field("version", .number(NumberBounds()), required: true, "Language version: 1."),
        Field("name", .string(.text), required: true, "What the scenario is about."),
        Field("description", .string(.text), "Where its figures come from."),
        Field("profile", .string(.oneOf(["enterprise", "personal"])), default: "\"enterprise\"", "Who asks: a company or a person."),
        Field("currency", .string(.text), default: "\"USD\"", "Currency label of every amount."),
        Field("start", .string(.month), required: true, "First month, \"YYYY-MM\"."),
        Field("months", .integer(min: 1, max: 240), default: "36", "Months projected."),
        Field("discount_rate", .number(.atLeast(0, atMost: 1)), default: "0", "Yearly rate for NPV."),
        Field("workload", workload, required: true, "What is asked of the model."),
        Field("options", .array(option, count: 1...50), required: true, "The ways of serving it."),
        Field("baseline", .string(.slug), "The option the others are compared with (default: the first)."),
        Field("guardrails", .array(guardrail, count: 0...100), default: "[]", "Limits run and diff check: a breach exits with status 1."),
    ], doc: "A breakeven scenario, version 1."))
}

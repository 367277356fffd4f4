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

    /// Throughput given per replica, or "derived" from the model and the device.
    static let throughputField = Field("throughput", .anyOf([throughput, .string(.oneOf(["derived"]))]), required: true,
        "Per-replica throughput at its operating batch, or \"derived\" from `model`, the device and `precision`.")

    static let precisions = ["bf16", "fp8", "int8", "int4"]

    static let architecture = Shape.object(ObjectShape([
        Field("total_parameters", .number(.above(0, atMost: 1e14)), required: true, "All parameters (every expert)."),
        Field("active_parameters", .number(.above(0, atMost: 1e14)), "Parameters used per token (default: all)."),
        Field("layers", .integer(min: 1, max: 1000), required: true, "Transformer layers."),
        Field("hidden_size", .integer(min: 1, max: 1_000_000), required: true, "Model width."),
        Field("attention_heads", .integer(min: 1, max: 10_000), required: true, "Query heads."),
        Field("kv_heads", .integer(min: 1, max: 10_000), required: true, "Key/value heads (grouped-query attention)."),
        Field("head_dimension", .integer(min: 1, max: 10_000), required: true, "Dimension of one head."),
        Field("latent_kv_values", .integer(min: 1, max: 1_000_000),
              "Multi-head latent attention: values cached per layer and token, kv_lora_rank + qk_rope_head_dim (576 for DeepSeek-V3); omit for grouped-query attention."),
        Field("context_length", .integer(min: 1, max: 100_000_000), "Longest context the model takes."),
    ], doc: "An open model's architecture, as its config.json gives it."))

    static let deviceSpecs = Shape.object(ObjectShape([
        Field("memory_gb", .number(.above(0, atMost: 1e5)), required: true, "Memory per device, decimal GB."),
        Field("bandwidth_tbps", .number(.above(0, atMost: 1e3)), required: true, "Memory bandwidth, TB/s."),
        Field("bf16_tflops", .number(.above(0, atMost: 1e6)), required: true, "Dense BF16 TFLOPS."),
        Field("fp8_tflops", .number(.above(0, atMost: 1e6)), "Dense FP8 TFLOPS."),
        Field("int8_tops", .number(.above(0, atMost: 1e6)), "Dense INT8 TOPS."),
        Field("int4_tops", .number(.above(0, atMost: 1e6)), "Dense INT4 TOPS."),
        Field("class", .string(.oneOf(AcceleratorClass.allCases.map(\.rawValue))), "Device class, for default efficiencies (default: inferred from the name)."),
        Field("name", .string(.text), "Name shown in reports."),
    ], doc: "A device's datasheet figures."))

    /// Keys that derive throughput from a model on a device (`throughput: "derived"`).
    static let derivationFields: [Field] = [
        Field("model", .anyOf([.string(.text), architecture]), "A catalog open model (llama-3.3-70b) or an inline architecture; used when throughput is \"derived\"."),
        Field("precision", .string(.oneOf(precisions)), "Weight precision when throughput is \"derived\"."),
        Field("kv_cache_precision", .string(.oneOf(precisions)), default: "\"bf16\"", "KV cache precision when throughput is \"derived\"."),
        Field("tensor_parallel", .anyOf([.integer(min: 1, max: 8), .string(.oneOf(["smallest", "best"]))]), default: "\"smallest\"",
              "Devices per replica: 1, 2, 4 or 8; \"smallest\" that holds the model, or \"best\" throughput per device."),
        Field("latency", .object(ObjectShape([
            Field("max_time_per_output_token_ms", .number(.above(0, atMost: 1e6)), "Longest time between two output tokens."),
            Field("max_time_to_first_token_ms", .number(.above(0, atMost: 1e7)), "Longest wait for the first token."),
        ])), "Latency targets that cap the batch."),
        Field("efficiency", .object(ObjectShape([
            Field("memory_bandwidth_utilization", .number(.above(0, atMost: 1)), "Achieved over datasheet bandwidth in decode."),
            Field("compute_utilization", .number(.above(0, atMost: 1)), "Achieved over dense peak FLOPS."),
            Field("memory_reserve_share", .number(.atLeast(0, atMost: 0.9)), "Memory kept for activations and the runtime."),
        ])), "Overrides of the measured default efficiencies."),
        Field("max_batch", .integer(min: 1, max: 100_000), "Most requests in flight at once (1 for one person at a desk)."),
    ]

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
        Field("cache_write_per_mtok", money(maxPricePerMTok), "USD per million tokens written to the cache in this tier (default: the base write price, else the tier's input price)."),
    ]))

    static let prices = Shape.object(ObjectShape([
        Field("input_per_mtok", money(maxPricePerMTok), "USD per million input tokens (required without a catalog model)."),
        Field("output_per_mtok", money(maxPricePerMTok), "USD per million output tokens (required without a catalog model)."),
        Field("cached_input_per_mtok", money(maxPricePerMTok), "USD per million cached (cache-read) input tokens (default: the input price)."),
        Field("cache_write_per_mtok", money(maxPricePerMTok), "USD per million tokens written to the cache with the 5-minute lifetime (default: the input price)."),
        Field("cache_write_1h_per_mtok", money(maxPricePerMTok), "USD per million tokens written to the cache with a 1-hour lifetime (default: the 5-minute write price)."),
        Field("batch_discount", share, default: "0", "Discount on batch traffic, 0 to 1 (0.5 for the usual batch APIs); a catalog model's batch prices apply when it is not given."),
        Field("per_request", money(1000), default: "0", "USD per request on top of the tokens."),
        Field("long_context", .array(longContextTier, count: 0...20), default: "[]", "Long-context cliffs: prices for requests whose prompt exceeds a threshold."),
    ]))

    static let apiOption = ObjectShape([
        Field("model", .string(.text), "A catalog model, provider/model (openai/gpt-4o); inline prices override its prices key by key."),
        Field("prices", prices, "Per-million-token prices (required without a catalog model)."),
        Field("service_tier", .string(.oneOf(ServiceTierPrice.names)), default: "\"standard\"",
              "The catalog model's prices under this service tier (flex, priority, scale where the catalog has them)."),
        Field("price_change_per_year", trend, default: "0", "Yearly price trend: -0.3 means prices fall 30% a year."),
        outputMultiplier,
        Field("discount", share, default: "0", "Negotiated discount on the whole bill, 0 to 1."),
        Field("minimum_monthly", money(1e9), default: "0", "Minimum monthly commitment in USD."),
        oneTime, monthlyFixed,
    ], doc: "A model behind a pay-per-token API: closed, or a hosted open model.")

    static let commitment = Shape.object(ObjectShape([
        Field("reserved_replicas", .integer(min: 0, max: 100_000), required: true, "Replicas reserved for the term, billed every hour whatever the load."),
        Field("reserved_hourly", money(1000), "USD per reserved GPU-hour (default: the catalog's reserved offer for the term)."),
        Field("term_months", .integer(min: 1, max: 240), default: "12", "Months the reservation runs from month 1."),
    ], doc: "Reserved replicas, with on-demand burst above them."))

    static let selfHostedOption = ObjectShape([
        Field("gpu_hourly", money(1000), "USD per GPU-hour (required without a catalog gpu offer); on-demand price when reserving."),
        Field("gpu", .anyOf([.string(.text), deviceSpecs]), "A catalog GPU (h100-sxm) or inline specs: picks offers and derives throughput."),
        Field("gpu_offer", .string(.text), "A catalog offer id (h100-sxm/lambda/on_demand) that sets gpu_hourly."),
        Field("provider", .string(.text), "Only this provider's catalog offers (lambda, runpod, aws…) for the gpu and commitment."),
        Field("commitment", .anyOf([.string(.oneOf(GPUCommitment.allCases.map(\.rawValue))), commitment]),
              "The cheapest catalog offer for the gpu under this commitment, or reserved replicas with on-demand burst."),
        Field("interruption_overhead", share, "Extra capacity kept for spot interruptions (default 0.1 on spot prices, else 0)."),
        Field("gpus_per_replica", .integer(min: 1, max: 64), default: "1", "GPUs that serve one model replica (the tensor-parallel degree when derived)."),
        throughputField,
        Field("max_utilization", .number(.above(0, atMost: 1)), default: "0.7", "Share of a replica's capacity the sizing may plan to use."),
        Field("min_replicas", .integer(min: 0, max: 10_000), default: "1", "Replicas kept running whatever the load."),
        Field("scaling", .string(.oneOf(["static", "hourly"])), default: "\"static\"", "static: provision the month's peak all month; hourly: follow the daily load shape."),
        Field("gpu_price_change_per_year", trend, default: "0", "Yearly trend of the GPU-hour price."),
        Field("team", team, "Engineers who operate the deployment."),
        oneTime, monthlyFixed, outputMultiplier,
    ] + derivationFields, doc: "Open models on rented GPUs.")

    static let ownedHardwareOption = ObjectShape([
        Field("hardware", .string(.text), "A catalog machine (pc-rtx-5090, mac-mini-m4-pro-64gb): price, power and specs."),
        Field("provider", .string(.text), "Only this seller's catalog price for the machine (apple, nvidia…)."),
        Field("purchase_price", money(1e8), "USD per unit (required without a catalog machine)."),
        Field("units", .anyOf([.integer(min: 1, max: 10_000), .string(.oneOf(["auto"]))]), default: "\"auto\"",
              "Units owned, or \"auto\" to buy a unit in the month it is first needed."),
        throughputField,
        Field("max_utilization", .number(.above(0, atMost: 1)), default: "0.7", "Share of a unit's time on that the sizing may plan to use."),
        Field("hours_on_per_day", .number(.above(0, atMost: 24)), default: "24", "Hours a day the machines are on."),
        Field("hours_on_per_month", .number(.above(0, atMost: 744)), "Hours a month the machines are on, instead of per day."),
        Field("watts_busy", .number(.atLeast(0, atMost: 1e6)), default: "0", "Power draw per unit while generating, in watts."),
        Field("watts_idle", .number(.atLeast(0, atMost: 1e6)), default: "0", "Power draw per unit while on and idle, in watts."),
        Field("electricity_per_kwh", money(10), default: "0", "USD per kWh."),
        Field("lifetime_months", .integer(min: 1, max: 240), default: "36", "Months before a unit is replaced."),
        Field("resale_share", share, default: "0", "Share of the price a unit fetches at the end of its lifetime."),
        Field("accounting", .string(.oneOf(["cash", "amortized"])), default: "\"cash\"", "cash: pay the price when bought; amortized: spread it over the lifetime."),
        Field("hardware_price_change_per_year", trend, default: "0", "Yearly trend of the purchase price."),
        Field("team", team, "People who look after the machines."),
        oneTime, monthlyFixed, outputMultiplier,
    ] + derivationFields, doc: "Bought machines: capital cost, power and resale.")

    static let subscriptionOption = ObjectShape([
        Field("plan", .string(.text), "A catalog plan (anthropic/claude-pro): fee and allowance."),
        Field("monthly_fee", money(1e6), "USD per seat per month (required without a catalog plan)."),
        Field("seats", .integer(min: 1, max: 1_000_000), default: "1", "Seats paid for."),
        Field("included", .object(ObjectShape([
            Field("requests_per_month", .number(.atLeast(0, atMost: maxRequestsPerMonth)), required: true, "Requests included per seat per month."),
        ])), "What a seat includes (absent: unlimited)."),
        Field("overflow", .string(.slug), default: "\"unmet\"", "The id of an api option that serves requests beyond what is included, or \"unmet\"."),
        Field("price_change_per_year", trend, default: "0", "Yearly trend of the fee."),
    ], doc: "A flat fee per seat with a usage cap.")

    static let switchOption = ObjectShape([
        Field("from", .string(.slug), required: true, "The option that serves the months before the switch."),
        Field("to", .string(.slug), required: true, "The option that serves the switch month and after; its one-time costs fall there."),
        Field("at_month", .anyOf([.integer(min: 1, max: 240), .string(.oneOf(["best"]))]), required: true,
              "The 1-based month `to` takes over, or \"best\": the month (or never) with the lowest NPV."),
    ], doc: "Start on one option and move to another.")

    static let mixOption = ObjectShape([
        Field("routes", .array(.object(ObjectShape([
            Field("option", .string(.slug), required: true, "The option this share of traffic goes to."),
            Field("share", share, required: true, "Share of all requests; shares sum to 1."),
            Field("quality_fallback_share", share, default: "0", "Share of this route's requests sent on to `fallback` as well (escalations, retries)."),
            Field("fallback", .string(.slug), "Where escalations go (default: the baseline)."),
        ])), count: 1...20), required: true, "Routes of the traffic; each routed option is sized for its own share."),
    ], doc: "Route shares of the traffic to several options.")

    static let option = Shape.tagged(TaggedShape(
        tagKey: "type",
        common: [
            Field("id", .string(.slug), required: true, "Unique id, used by baseline, overflow and --set."),
            Field("label", .string(.text), "Name shown in reports (default: the id)."),
            Field("type", .string(.oneOf(["api", "self_hosted", "owned_hardware", "subscription", "switch", "mix"])), required: true, "The kind of option."),
        ],
        variants: [
            ("api", apiOption), ("self_hosted", selfHostedOption),
            ("owned_hardware", ownedHardwareOption), ("subscription", subscriptionOption),
            ("switch", switchOption), ("mix", mixOption),
        ]))

    static let requestClass = Shape.object(ObjectShape([
        Field("name", .string(.text), required: true, "Name of the class (chat, RAG, summarise…)."),
        Field("share", share, required: true, "Share of requests in this class; shares sum to 1."),
        Field("input_tokens_per_request", .number(.atLeast(0, atMost: maxTokensPerRequest)), required: true, "Prompt tokens per request."),
        Field("output_tokens_per_request", .number(.atLeast(0, atMost: maxTokensPerRequest)), required: true, "Output tokens per request."),
        Field("cached_input_share", share, default: "0", "Share of prompt tokens served from the prompt cache."),
        Field("cache_write_share", share, default: "0", "Share of prompt tokens written to the prompt cache (billed at the write price); with cached_input_share at most 1."),
        Field("cache_write_ttl", .string(.oneOf(CacheWriteTTL.allCases.map(\.rawValue))), default: "\"5m\"", "Lifetime of the cache writes: \"5m\" or \"1h\" (priced apart by some providers)."),
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
        Field("cache_write_share", share, default: "0", "Share of prompt tokens written to the prompt cache (billed at the write price); with cached_input_share at most 1."),
        Field("cache_write_ttl", .string(.oneOf(CacheWriteTTL.allCases.map(\.rawValue))), default: "\"5m\"", "Lifetime of the cache writes: \"5m\" or \"1h\" (priced apart by some providers)."),
        Field("request_classes", .array(requestClass, count: 1...100), "Several kinds of request instead of one size."),
        Field("batch_share", share, default: "0", "Share of traffic that can wait for a batch API or valleys."),
        Field("growth", growth, default: "flat", "How the volume changes month by month."),
        Field("load_shape", loadShape, default: "flat", "How load spreads over the day."),
        Field("phases", .array(.object(ObjectShape([
            Field("name", .string(.text), required: true, "experimentation, pilot, production…"),
            Field("until_month", .integer(min: 1, max: 240), required: true, "Last month of the phase (1-based); the last phase holds to the end."),
            Field("volume_multiplier", .number(.atLeast(0, atMost: 1e6)), default: "1", "Volume in this phase × the growth curve."),
            Field("allowed_options", .array(.string(.slug), count: 1...50), "Options that may serve in this phase (default: all); the baseline serves for the others."),
        ])), count: 1...24), "Maturity phases: volume and the options allowed, stretch by stretch."),
    ], exactlyOne: [
        [Alternative(["requests_per_month"]), Alternative(["requests_per_day"])],
        // One request size, or several classes of request.
        [Alternative(["input_tokens_per_request", "output_tokens_per_request"], optional: ["cached_input_share", "cache_write_share", "cache_write_ttl"]),
         Alternative(["request_classes"])],
    ]))

    public static let scenario = Shape.object(ObjectShape([
        Field("$schema", .string(.text), "The JSON Schema this file follows (for editors)."),
        Field("version", .number(NumberBounds()), required: true, "Language version: 1."),
        Field("name", .string(.text), required: true, "What the scenario is about."),
        Field("description", .string(.text), "Where its figures come from."),
        Field("profile", .string(.oneOf(["enterprise", "personal"])), default: "\"enterprise\"", "Who asks: a company or a person."),
        Field("currency", .string(.text), default: "\"USD\"", "The currency of every amount the scenario writes and every report prints (USD, EUR, GBP, ...)."),
        Field("usd_rate", .number(.above(0, atMost: 1e6)),
              "Units of currency per US dollar: converts the catalog's prices, which are in US dollars. Needed when currency is not USD and a price comes from the catalog."),
        Field("start", .string(.month), required: true, "First month, \"YYYY-MM\"."),
        Field("as_of", .string(.day), "Which dated catalog prices apply, \"YYYY-MM-DD\" (default: the first day of start)."),
        Field("months", .integer(min: 1, max: 240), default: "36", "Months projected."),
        Field("discount_rate", .number(.atLeast(0, atMost: 1)), default: "0", "Yearly rate for NPV."),
        Field("uncertainty", uncertainty, "Uncertain inputs and their distributions: Monte Carlo trials and a tornado of the savings."),
        Field("workload", workload, required: true, "What is asked of the model."),
        Field("options", .array(option, count: 1...50), required: true, "The ways of serving it."),
        Field("baseline", .string(.slug), "The option the others are compared with (default: the first)."),
        Field("guardrails", .array(guardrail, count: 0...100), default: "[]", "Limits run and diff check: a breach exits with status 1."),
    ], doc: "A breakeven scenario, version 1."))
}

/// `workload`: what is asked of the model, declared once.
struct WorkloadSettings: KeySettings {
    var requestsPerMonth: Double?
    var requestsPerDay: Double?
    /// The one request size, when the workload has no classes.
    var size = RequestSizeSettings()
    var classes: [RequestClassSettings] = []
    var batchShare: Double?
    var growth = GrowthSettings()
    var loadShape = LoadShapeSettings()
    var phases: [PhaseSettings] = []
    var actuals: [ActualMonthSettings] = []
}

/// A month that happened (`workload.actuals`), as `breakeven fit` writes it.
struct ActualMonthSettings: KeySettings {
    var month: String?
    var requests: Int?
    var inputTokens: Int?
    var cachedInputTokens: Int?
    var outputTokens: Int?
    var batchRequests: Int?
    var billed: Double?
}

struct RequestClassSettings: KeySettings {
    var name: String?
    var share: Double?
    var size = RequestSizeSettings()
}

/// What one request is: of the workload's single size, or of one class. Declared once
/// (`WorkloadDeclaration.sizeKeys`), read from the workload object or from a class.
struct RequestSizeSettings: KeySettings {
    var inputTokens: Double?
    var outputTokens: Double?
    var cachedInputShare: Double?
    var cacheWriteShare: Double?
    var cacheWriteTTL: CacheWriteTTL?
}

struct GrowthSettings: KeySettings {
    var monthlyRate: Double?
    var annualRate: Double?
    var schedule: [Double]?
    var logistic: LogisticSettings?
}

struct LogisticSettings: KeySettings {
    var ceiling: Double?
    var steepness: Double?
}

struct LoadShapeSettings: KeySettings {
    var peakToAverage: Double?
    var hourly: [Double]?
}

struct PhaseSettings: KeySettings {
    var name: String?
    var untilMonth: Int?
    var volumeMultiplier: Double?
    var allowedOptions: [String]?
}

enum WorkloadDeclaration {
    typealias S = WorkloadSettings
    // Sanity ceilings: far above any real workload, low enough that no month can overflow.
    static let maxRequestsPerMonth = 1e12
    static let maxTokensPerRequest = 1e8

    static let requestsPerMonth = NumberKey<S, Double>("requests_per_month", \.requestsPerMonth, .atLeast(0, atMost: maxRequestsPerMonth), KeyDoc(
        "Requests a month", .count("requests a month"), "Requests in month 1."))
    static let requestsPerDay = NumberKey<S, Double>("requests_per_day", \.requestsPerDay, .atLeast(0, atMost: maxRequestsPerMonth / 31), KeyDoc(
        "Requests a day", .count("requests a day"), "Requests per day in month 1 (× the days of each month)."))
    static let batchShare = NumberKey<S, Double>("batch_share", \.batchShare, .share, default: .value(0), KeyDoc(
        "Batch share", .share, "Share of traffic that can wait for a batch API or valleys."))

    /// The keys of a request size: optional on the workload (one of two ways to give it), required
    /// in a class. Prompt-cache writes are billed at the write price (genai-prices
    /// `cache_write_mtok`, LiteLLM `cache_creation_input_token_cost`) and listed only when written.
    static func sizeKeys(required: Bool) -> [Key<RequestSizeSettings>] {
        typealias R = RequestSizeSettings
        let tokens = NumberBounds.atLeast(0, atMost: maxTokensPerRequest)
        var writeShare = NumberKey<R, Double>("cache_write_share", \.cacheWriteShare, .share, default: .value(0), KeyDoc(
            "Cache write share", .share, "Share of prompt tokens written to the prompt cache (billed at the write price); with cached_input_share at most 1.")).key
        var writeTTL = ChoiceKey<R, CacheWriteTTL>("cache_write_ttl", \.cacheWriteTTL, default: .fiveMinutes, KeyDoc(
            "Cache write lifetime", .text, "Lifetime of the cache writes: \"5m\" or \"1h\" (priced apart by some providers).")).key
        let recordShare = writeShare.record, recordTTL = writeTTL.record
        writeShare.record = { s, r, c in if r.has("cache_write_share") { recordShare(s, r, c) } }
        writeTTL.record = { s, r, c in if r.has("cache_write_share") { recordTTL(s, r, c) } }
        return [
            NumberKey<R, Double>("input_tokens_per_request", \.inputTokens, tokens, required: required, KeyDoc(
                "Prompt size", .count("input tokens a request"), "Prompt tokens per request.")).key,
            NumberKey<R, Double>("output_tokens_per_request", \.outputTokens, tokens, required: required, KeyDoc(
                "Answer size", .count("output tokens a request"), "Output tokens per request.")).key,
            NumberKey<R, Double>("cached_input_share", \.cachedInputShare, .share, default: .value(0), KeyDoc(
                "Cached prompt share", .share, "Share of prompt tokens served from the prompt cache.")).key,
            writeShare, writeTTL,
        ]
    }

    static let classShare = NumberKey<RequestClassSettings, Double>("share", \.share, .share, required: true, KeyDoc(
        "Class share", .share, "Share of requests in this class; shares sum to 1."))
    static let classKeys: [Key<RequestClassSettings>] = [
        TextKey("name", \RequestClassSettings.name, required: true, recorded: false, KeyDoc("Class", .text, "Name of the class (chat, RAG, summarise…).")).key,
        classShare.key,
    ] + sizeKeys(required: true).map { $0.lifted(\RequestClassSettings.size) }

    static let classes = ListKey<S, RequestClassSettings>(
        "request_classes", \.classes, classKeys, count: 1...100,
        named: .by("name", \.name, noun: "class", unnamed: { "class \($0 + 1)" }), shares: classShare, KeyDoc(
            "Request classes", .text, "Several kinds of request instead of one size.")).key

    static let growthKeys: [Key<GrowthSettings>] = [
        NumberKey("monthly_rate", \GrowthSettings.monthlyRate, .above(-1, atMost: 10), KeyDoc(
            "Monthly growth", .share, "Volume × (1 + r)^i in month i.")).key,
        NumberKey("annual_rate", \GrowthSettings.annualRate, .above(-1, atMost: 1000), KeyDoc(
            "Yearly growth", .trend, "Volume × (1 + a)^(i/12).")).key,
        ValueListKey<GrowthSettings, Double>("schedule", \.schedule, .atLeast(0, atMost: 1e6), count: 1...240, KeyDoc(
            "Growth schedule", .plain, "Multipliers per month from month 1; the last holds.")).key,
        ObjectKey("logistic", \GrowthSettings.logisticValue, [
            NumberKey("ceiling", \LogisticSettings.ceiling, .atLeast(1, atMost: 1e6), required: true, KeyDoc(
                "Adoption ceiling", .plain, "Multiplier the volume approaches.")).key,
            NumberKey("steepness", \LogisticSettings.steepness, .above(0, atMost: 10), required: true, KeyDoc(
                "Adoption steepness", .plain, "How fast it gets there.")).key,
        ], KeyDoc("Adoption curve", .text, "Adoption curve c / (1 + (c − 1)·e^(−k·i)).")).key,
    ]

    static let loadShapeKeys: [Key<LoadShapeSettings>] = [
        NumberKey("peak_to_average", \LoadShapeSettings.peakToAverage, .atLeast(1, atMost: 1000), KeyDoc(
            "Peak to average load", .plain, "Peak hourly load over the average.")).key,
        ValueListKey<LoadShapeSettings, Double>("hourly", \.hourly, .atLeast(0, atMost: 1e6), count: 24...24, KeyDoc(
            "Hourly load", .plain, "24 relative weights, hour 0 to 23 (not all zero).")).key,
    ]

    static let phaseKeys: [Key<PhaseSettings>] = [
        TextKey("name", \PhaseSettings.name, required: true, recorded: false, KeyDoc("Phase", .text, "experimentation, pilot, production…")).key,
        NumberKey("until_month", \PhaseSettings.untilMonth, .atLeast(1, atMost: 240), required: true, KeyDoc(
            "Phase end", .month, "Last month of the phase (1-based); the last phase holds to the end.")).key,
        NumberKey("volume_multiplier", \PhaseSettings.volumeMultiplier, .atLeast(0, atMost: 1e6), default: .value(1), KeyDoc(
            "Phase volume multiplier", .plain, "Volume in this phase × the growth curve.")).key,
        ValueListKey<PhaseSettings, String>("allowed_options", \.allowedOptions, .slug, count: 1...50, KeyDoc(
            "Allowed options", .text, "Options that may serve in this phase (default: all); the baseline serves for the others.")).key,
    ]

    static let actualKeys: [Key<ActualMonthSettings>] = {
        typealias A = ActualMonthSettings
        let tokens = NumberBounds.atLeast(0, atMost: maxTokensPerMonth)
        return [
            TextKey("month", \A.month, .month, required: true, KeyDoc("Month", .text, "The calendar month, \"YYYY-MM\".")).key,
            NumberKey("requests", \A.requests, .atLeast(0, atMost: maxRequestsPerMonth), required: true, KeyDoc(
                "Requests", .count("requests"), "Requests served that month.")).key,
            NumberKey("input_tokens", \A.inputTokens, tokens, required: true, KeyDoc(
                "Prompt tokens", .count("tokens"), "Prompt tokens, cached ones included.")).key,
            NumberKey("cached_input_tokens", \A.cachedInputTokens, tokens, required: true, KeyDoc(
                "Cached prompt tokens", .count("tokens"), "Prompt tokens read from the provider's cache.")).key,
            NumberKey("output_tokens", \A.outputTokens, tokens, required: true, KeyDoc(
                "Output tokens", .count("tokens"), "Output tokens.")).key,
            NumberKey("batch_requests", \A.batchRequests, .atLeast(0, atMost: maxRequestsPerMonth), default: .value(0), KeyDoc(
                "Batch requests", .count("requests"), "Requests sent as batch.")).key,
            NumberKey("billed", \A.billed, .atLeast(0, atMost: 1e10), KeyDoc(
                "Billed", .money(per: "month"), "What the provider billed for the month, when the export says: set beside the replayed baseline.")).key,
        ]
    }()

    /// `workload.actuals`: facts, not inputs. They are listed as one assumption (their span), not
    /// month by month, and no trial or `--set` varies them.
    static let actuals: Key<S> = {
        var key = ListKey<S, ActualMonthSettings>("actuals", \.actuals, actualKeys, count: 0...240,
                                                  named: .by("month", \.month, noun: "month"), KeyDoc(
            "Actual months", .text, "Months that happened (from `breakeven fit`), oldest first: replayed under every option and compared by `breakeven drift`."))
            .key
        key.record = { s, r, _ in
            guard let first = s.actuals.first?.month, let last = s.actuals.last?.month, let node = r.child("actuals") else { return }
            let count = s.actuals.count
            r.assume("actuals", "\(first) to \(last) (\(count) month\(count == 1 ? "" : "s"))", KeyReader.source(of: node))
        }
        key.input = { _, _ in nil }
        return key
    }()

    /// The keys that say how many requests come, not what they are: options do not depend on them.
    static let volumeKeys: Set<String> = ["requests_per_month", "requests_per_day", "growth", "phases"]

    static let keys: [Key<S>] = [
        requestsPerMonth.key, requestsPerDay.key,
    ] + sizeKeys(required: false).map { singleClass($0.lifted(\S.size)) } + [
        classes, batchShare.key,
        ObjectKey("growth", \S.growth, growthKeys, exactlyOne: [[Alternative(["monthly_rate"]), Alternative(["annual_rate"]),
                                                                 Alternative(["schedule"]), Alternative(["logistic"])]],
                  whenAbsent: .note("flat"), KeyDoc("Growth", .text, "How the volume changes month by month.")).key,
        ObjectKey("load_shape", \S.loadShape, loadShapeKeys, exactlyOne: [[Alternative(["peak_to_average"]), Alternative(["hourly"])]],
                  whenAbsent: .note("flat"), KeyDoc("Load shape", .text, "How load spreads over the day.")).key,
        ListKey<S, PhaseSettings>("phases", \.phases, phaseKeys, count: 1...24,
                                  named: .by("name", \.name, noun: "phase", unnamed: { "phase \($0 + 1)" }), KeyDoc(
            "Phases", .text, "Maturity phases: volume and the options allowed, stretch by stretch.")).key,
        actuals,
    ]

    /// A key of the single request size, listed only when the workload has no classes.
    private static func singleClass(_ key: Key<S>) -> Key<S> {
        var key = key
        let record = key.record
        key.record = { s, r, c in if !r.has("request_classes") { record(s, r, c) } }
        return key
    }

    static let exactlyOne: [[Alternative]] = [
        [Alternative(["requests_per_month"]), Alternative(["requests_per_day"])],
        // One request size, or several classes of request.
        [Alternative(["input_tokens_per_request", "output_tokens_per_request"], optional: ["cached_input_share", "cache_write_share", "cache_write_ttl"]),
         Alternative(["request_classes"])],
    ]

    static let objectShape = ObjectShape(keys.map(\.field), exactlyOne: exactlyOne, doc: "What is asked of the model.")
}

extension GrowthSettings {
    var logisticValue: LogisticSettings {
        get { logistic ?? LogisticSettings() }
        set { logistic = newValue }
    }
}

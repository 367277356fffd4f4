extension WorkloadDeclaration {
    /// Tokens a month beyond which a projection is not meaningful (and sums lose precision).
    static let maxTokensPerMonth = 1e15

    /// Reads `workload`, checks what its shape cannot, lists its values.
    static func read(_ w: KeyReader) -> WorkloadSettings {
        var s = WorkloadSettings()
        for k in keys { k.read(&s, w) }
        return s
    }

    static func check(_ s: WorkloadSettings, _ w: KeyReader, start: CalendarMonth, months: Int) {
        if let hourly = s.loadShape.hourly, hourly.count == 24, hourly.allSatisfy({ $0 == 0 }) {
            w.nested("load_shape").error("hourly", "expected at least one weight above 0, found all 24 zero")
        }
        for k in s.phases.indices.dropFirst() {
            guard let until = s.phases[k].untilMonth, let previous = s.phases[k - 1].untilMonth, until <= previous else { continue }
            w.element("phases", k, named: "").error("until_month",
                "expected a month after \(previous) (where \"\(s.phases[k - 1].name ?? "")\" ends), found \(until)")
        }
        checkCacheWrites(s.size, w)
        for (k, c) in s.classes.enumerated() {
            checkCacheWrites(c.size, w.element("request_classes", k, named: c.name ?? "class \(k + 1)"))
        }
        checkActuals(s, w)
        // A growth that compounds past any real workload is a typo, not a forecast.
        let workload = lowered(s)
        let perRequest = workload.tokensPerRequest
        for i in 0..<max(0, min(months, 240)) {
            let tokens = workload.requests(month: i, start: start) * (perRequest.input + perRequest.output)
            if !(tokens <= maxTokensPerMonth) {
                w.error(w.has("growth") ? "growth" : nil,
                        "the workload reaches \(Money.scientific(tokens)) tokens in month \(i + 1); at most 1e15 tokens a month are supported")
                break
            }
        }
    }

    /// A prompt token is read from the cache, written to it, or neither.
    private static func checkCacheWrites(_ size: RequestSizeSettings, _ r: KeyReader) {
        let cached = size.cachedInputShare ?? 0
        guard let share = size.cacheWriteShare else {
            if r.has("cache_write_ttl") { r.error("cache_write_ttl", "\"cache_write_ttl\" is used only with cache_write_share") }
            return
        }
        if cached + share > 1 + 1e-9 {
            r.error("cache_write_share", "expected cached_input_share + cache_write_share ≤ 1 (a prompt token is read from the cache, written to it or neither), found \(NumberBounds.format(cached)) + \(NumberBounds.format(share))")
        }
    }

    /// Months in order, each once; parts no larger than their whole.
    private static func checkActuals(_ s: WorkloadSettings, _ w: KeyReader) {
        var firstIndex: [CalendarMonth: Int] = [:]
        var previous: CalendarMonth?
        for (k, a) in s.actuals.enumerated() {
            let element = w.element("actuals", k, named: a.month ?? "\(k)")
            if let month = a.month.flatMap(CalendarMonth.init) {
                if let first = firstIndex[month] {
                    element.error("month", "duplicate month \(month) (first given in actuals[\(first)])")
                } else {
                    firstIndex[month] = k
                    if let previous, month < previous {
                        element.error("month", "expected a month after \(previous) (actuals are oldest first), found \(month)")
                    }
                    previous = month
                }
            }
            if let cached = a.cachedInputTokens, let input = a.inputTokens, cached > input {
                element.error("cached_input_tokens", "expected at most input_tokens (\(input)), which include the cached ones, found \(cached)")
            }
            if let batch = a.batchRequests, let requests = a.requests, batch > requests {
                element.error("batch_requests", "expected at most requests (\(requests)), found \(batch)")
            }
        }
    }

    /// The workload the engine runs.
    static func lowered(_ s: WorkloadSettings) -> Workload {
        let volume: Workload.Volume = s.requestsPerDay.map { .perDay($0) } ?? .perMonth(s.requestsPerMonth ?? 0)
        let classes = s.classes.isEmpty
            ? [s.size.requestClass(name: "all", share: 1)]
            : s.classes.enumerated().map { k, c in c.size.requestClass(name: c.name ?? "class \(k + 1)", share: c.share ?? 0) }
        var workload = Workload(volume: volume, classes: classes, batchShare: s.batchShare ?? 0, growth: growth(s.growth),
                                loadShape: loadShape(s.loadShape),
                                phases: s.phases.enumerated().map { k, p in
                                    WorkloadPhase(name: p.name ?? "phase \(k + 1)", untilMonth: p.untilMonth ?? 1,
                                                  volumeMultiplier: p.volumeMultiplier ?? 1, allowedOptions: p.allowedOptions.map(Set.init))
                                })
        workload.actuals = s.actuals.compactMap { a in
            a.month.flatMap(CalendarMonth.init).map { month in
                ActualMonth(month: month, requests: Double(a.requests ?? 0), inputTokens: Double(a.inputTokens ?? 0),
                            cachedInputTokens: Double(a.cachedInputTokens ?? 0), outputTokens: Double(a.outputTokens ?? 0),
                            batchRequests: Double(a.batchRequests ?? 0), billed: a.billed)
            }
        }
        return workload
    }

    /// This workload as it was in a month that happened: its volume, prompt and output tokens per
    /// request, cached share and batch share, flat, in one phase. Several request classes keep
    /// their shares and relative sizes, scaled so that the month's token totals come out exactly.
    static func settings(_ s: WorkloadSettings, asIn actual: ActualMonth) -> WorkloadSettings {
        var w = s
        w.requestsPerMonth = actual.requests
        w.requestsPerDay = nil
        w.growth = GrowthSettings()
        w.phases = []
        w.actuals = []
        guard actual.requests > 0 else { return w }
        let input = actual.inputTokens / actual.requests
        let output = actual.outputTokens / actual.requests
        let cached = actual.inputTokens > 0 ? actual.cachedInputTokens / actual.inputTokens : 0
        w.batchShare = min(1, actual.batchRequests / actual.requests)
        guard !w.classes.isEmpty else {
            w.size.inputTokens = input
            w.size.outputTokens = output
            w.size.cachedInputShare = cached
            return w
        }
        let mean = lowered(s).tokensPerRequest
        let meanCached = s.classes.reduce(0) { $0 + ($1.share ?? 0) * ($1.size.inputTokens ?? 0) * ($1.size.cachedInputShare ?? 0) } / max(mean.input, 1e-12)
        for k in w.classes.indices {
            w.classes[k].size.inputTokens = (w.classes[k].size.inputTokens ?? 0) * (mean.input > 0 ? input / mean.input : 1)
            w.classes[k].size.outputTokens = (w.classes[k].size.outputTokens ?? 0) * (mean.output > 0 ? output / mean.output : 1)
            let share = w.classes[k].size.cachedInputShare ?? 0
            w.classes[k].size.cachedInputShare = meanCached > 0 ? min(1, share * cached / meanCached) : cached
        }
        return w
    }

    private static func growth(_ g: GrowthSettings) -> Growth {
        if let r = g.monthlyRate { return .monthlyRate(r) }
        if let a = g.annualRate { return .annualRate(a) }
        if let values = g.schedule { return .schedule(values) }
        if let l = g.logistic { return .logistic(ceiling: l.ceiling ?? 1, steepness: l.steepness ?? 1) }
        return .flat
    }

    private static func loadShape(_ l: LoadShapeSettings) -> LoadShape {
        if let p = l.peakToAverage { return .peakToAverage(p) }
        if let weights = l.hourly, weights.count == 24 { return .hourly(weights) }
        return .flat
    }
}

extension RequestSizeSettings {
    /// The request class the engine runs, of this size.
    func requestClass(name: String, share: Double) -> RequestClass {
        RequestClass(name: name, share: share, inputTokens: inputTokens ?? 0, outputTokens: outputTokens ?? 0,
                     cachedInputShare: cachedInputShare ?? 0, cacheWriteShare: cacheWriteShare ?? 0,
                     cacheWriteTTL: cacheWriteTTL ?? .fiveMinutes)
    }
}

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
        if !s.classes.isEmpty {
            let sum = s.classes.reduce(0) { $0 + ($1.share ?? 0) }
            if abs(sum - 1) > 1e-6 {
                w.error("request_classes", "expected shares that sum to 1, found a sum of \(NumberBounds.format(sum))")
            }
        }
        if let hourly = s.loadShape.hourly, hourly.count == 24, hourly.allSatisfy({ $0 == 0 }) {
            w.nested("load_shape").error("hourly", "expected at least one weight above 0, found all 24 zero")
        }
        for k in s.phases.indices.dropFirst() {
            guard let until = s.phases[k].untilMonth, let previous = s.phases[k - 1].untilMonth, until <= previous else { continue }
            w.element("phases", k, named: "").error("until_month",
                "expected a month after \(previous) (where \"\(s.phases[k - 1].name ?? "")\" ends), found \(until)")
        }
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

    /// The workload the engine runs.
    static func lowered(_ s: WorkloadSettings) -> Workload {
        let volume: Workload.Volume = s.requestsPerDay.map { .perDay($0) } ?? .perMonth(s.requestsPerMonth ?? 0)
        let classes = s.classes.isEmpty
            ? [RequestClass(name: "all", share: 1, inputTokens: s.inputTokens ?? 0, outputTokens: s.outputTokens ?? 0,
                            cachedInputShare: s.cachedInputShare ?? 0)]
            : s.classes.enumerated().map { k, c in
                RequestClass(name: c.name ?? "class \(k + 1)", share: c.share ?? 0, inputTokens: c.inputTokens ?? 0,
                             outputTokens: c.outputTokens ?? 0, cachedInputShare: c.cachedInputShare ?? 0)
            }
        return Workload(volume: volume, classes: classes, batchShare: s.batchShare ?? 0, growth: growth(s.growth),
                        loadShape: loadShape(s.loadShape),
                        phases: s.phases.enumerated().map { k, p in
                            WorkloadPhase(name: p.name ?? "phase \(k + 1)", untilMonth: p.untilMonth ?? 1,
                                          volumeMultiplier: p.volumeMultiplier ?? 1, allowedOptions: p.allowedOptions.map(Set.init))
                        })
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

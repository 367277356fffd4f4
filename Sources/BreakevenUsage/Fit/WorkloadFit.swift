import BreakevenCore
import Foundation

/// `fit`: a pure function of the usage aggregates to a version-1 workload block and the
/// diagnostics that back it. Only complete months count; the first projected month is the
/// month after the last of them.
public enum WorkloadFit {
    public static func fit(_ history: UsageHistory, _ options: FitOptions) throws(FitProblem) -> FittedWorkload {
        let complete = history.completeMonths(since: options.since, until: options.until)
        guard let firstMonth = complete.first?.month, let lastMonth = complete.last?.month else {
            let spans = history.coverage.values.flatMap { $0 }
            let covered = spans.map(\.0).min().flatMap { from in spans.map(\.1).max().map { "\(UsageTime.text(from)) to \(UsageTime.text($0))" } }
            throw .noCompleteMonth(covered: covered)
        }
        var notes: [String] = []
        let tokensPerRequest = try countingRule(history, complete, options, notes: &notes)
        let months = fitMonths(history, complete, tokensPerRequest: tokensPerRequest)
        let projected = lastMonth.adding(months: 1)
        let offset = { (m: CalendarMonth) in Double((m.year - firstMonth.year) * 12 + m.month - firstMonth.month) }

        // Volume and growth on requests per day (months differ in length).
        let growth = GrowthFit.fit(months.map { (offset($0.month), $0.requestsPerDay) }, at: offset(projected))
        if months.count == 1 { notes.append("one complete month: no growth can be fitted; the volume is flat") }
        if months.contains(where: { $0.requests <= 0 }) { notes.append("months without requests are left out of the growth fit") }

        // Request sizes and shares, with the month-to-month spread as their standard error.
        let total = months.reduce(into: FitMonth(month: projected)) { t, m in
            t.requests += m.requests; t.input += m.input; t.cached += m.cached; t.output += m.output
        }
        func ratio(_ num: (FitMonth) -> Double, _ den: (FitMonth) -> Double, over ms: [FitMonth]) -> Figure {
            let value = ms.reduce(0) { $0 + num($1) } / max(ms.reduce(0) { $0 + den($1) }, 1e-300)
            let monthly = ms.filter { den($0) > 0 }.map { num($0) / den($0) }
            return Figure(value: value, error: standardError(monthly))
        }
        let inputPerRequest = ratio(\.input, \.requests, over: months)
        let outputPerRequest = ratio(\.output, \.requests, over: months)
        let cacheKnown = months.filter { $0.formats.allSatisfy(\.splitsCachedInput) }
        let cachedShare: Figure? = cacheKnown.isEmpty ? nil : ratio(\.cached, \.input, over: cacheKnown)
        let unsplit = Set(months.flatMap(\.formats).filter { !$0.splitsCachedInput }).map(\.rawValue).sorted().joined(separator: ", ")
        if cacheKnown.isEmpty {
            notes.append("the \(unsplit) exports do not say which prompt tokens were cached: cached_input_share is left at its default, 0; take it from the provider's own usage")
        } else if cacheKnown.count < months.count {
            notes.append("cached_input_share is fitted on the \(cacheKnown.count) months whose exports say which prompt tokens were cached (\(unsplit) do not)")
        }
        let batchKnown = months.filter { $0.batchRequests != nil }
        let batchShare: Figure? = batchKnown.isEmpty ? nil : ratio({ $0.batchRequests ?? 0 }, \.requests, over: batchKnown)
        if batchKnown.isEmpty {
            notes.append("the exports do not say which traffic was batch: batch_share is left at its default, 0")
        } else if batchKnown.count < months.count {
            notes.append("batch_share is fitted on the \(batchKnown.count) months whose exports say which traffic was batch")
        }
        let writes = months.compactMap(\.cacheWrite)
        let cacheWriteShare: Double? = writes.count == months.count && total.input > 0 ? writes.reduce(0, +) / total.input : nil

        // Request classes from per-request sources, when every month's models come from one.
        var classes: RequestClassFit?
        let perRequest = months.allSatisfy { m in m.formats.allSatisfy(\.isPerRequest) }
        if perRequest {
            let bins = history.sizes.filter { b in
                complete.contains { $0.month == b.month && $0.formats[b.model] == b.format }
            }
            classes = RequestClassFit.fit(bins, thresholds: options.longContextThresholds)
            if let c = classes, c.classes.count < 2 { classes = nil }
        } else if months.contains(where: { $0.formats.contains(where: \.isPerRequest) }) {
            notes.append("request classes need per-request logs for every month and model; one mean request size is written")
        }

        // The load shape from buckets of an hour or less.
        let hours = history.hours.filter { h in
            complete.contains { $0.month == CalendarMonth(unix: h.start) && $0.formats[h.model] == h.format }
        }
        let shape = LoadShapeFit.fit(hours, timeZone: options.timeZone)
        if shape == nil {
            notes.append("only daily (or coarser) buckets: no hourly load shape can be fitted; load_shape is left out (flat)")
        } else if months.contains(where: { $0.finestBucket > 3600 }) {
            notes.append("the load shape comes from the months and models with hourly buckets only")
        }

        let fitted = FittedFigures(months: months, growth: growth, inputPerRequest: inputPerRequest, outputPerRequest: outputPerRequest,
                                   cachedShare: cachedShare, batchShare: batchShare, cacheWriteShare: cacheWriteShare,
                                   classes: classes, shape: shape, tokensPerRequest: tokensPerRequest)
        return FittedWorkload(fitted, history: history, options: options, projected: projected, notes: notes)
    }

    /// Each complete month with its models read from their chosen formats.
    static func fitMonths(_ history: UsageHistory, _ complete: [MonthUsage], tokensPerRequest: Double?) -> [FitMonth] {
        complete.map { usage -> FitMonth in
            var m = FitMonth(month: usage.month)
            for (model, _) in usage.formats.sorted(by: { $0.key < $1.key }) {
                guard let row = history.chosen(model: model, month: usage.month) else { continue }
                m.add(row, tokensPerRequest: tokensPerRequest, files: row.sourceIDs.compactMap { history.source($0)?.fileName })
            }
            return m
        }
    }

    /// Prompt tokens per request for exports that count no requests, or nil when all count them.
    static func countingRule(_ history: UsageHistory, _ complete: [MonthUsage], _ options: FitOptions,
                             notes: inout [String]) throws(FitProblem) -> Double? {
        var uncounted: [(model: String, format: UsageFormat)] = []
        for usage in complete {
            for (model, format) in usage.formats where history.chosen(model: model, month: usage.month)?.figures.requests == nil {
                if !uncounted.contains(where: { $0 == (model, format) }) { uncounted.append((model, format)) }
            }
        }
        guard !uncounted.isEmpty else { return nil }
        let formats = Array(Set(uncounted.map(\.format))).sorted()
        let models = Array(Set(uncounted.map(\.model))).sorted()
        if let t = options.tokensPerRequest {
            notes.append("\(formats.map(\.rawValue).joined(separator: ", ")) exports count no requests: requests are their prompt tokens ÷ \(Money.grouped(Money.trimmed(Money.fixed(t, decimals: 1)))) (--tokens-per-request)")
            return t
        }
        if let source = options.requestsFrom {
            let rows = history.months.filter { $0.format == source && $0.figures.requests != nil }
            let inWindow = rows.filter { r in complete.contains { $0.month == r.month } }
            let used = inWindow.isEmpty ? rows : inWindow
            let requests = used.reduce(Int64(0)) { $0 + ($1.figures.requests ?? 0) }
            guard requests > 0 else { throw .requestsFromEmpty(source) }
            let t = Double(used.reduce(Int64(0)) { $0 + $1.figures.inputTokens }) / Double(requests)
            notes.append("\(formats.map(\.rawValue).joined(separator: ", ")) exports count no requests: requests are their prompt tokens ÷ \(Money.grouped(Money.fixed(t, decimals: 1))), the prompt tokens per request of the \(source.rawValue) usage (--requests-from)")
            return t
        }
        throw .noRequestCounts(formats: formats, models: models.map { $0.isEmpty ? "(all models)" : $0 })
    }

    /// The standard error of a mean of monthly values: sd / √n; nil below two months.
    static func standardError(_ values: [Double]) -> Double? {
        guard values.count >= 2 else { return nil }
        let n = Double(values.count)
        let mean = values.reduce(0, +) / n
        let variance = values.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / (n - 1)
        return sqrt(variance / n)
    }
}

/// A fitted figure and its standard error (nil where the data cannot tell it).
public struct Figure: Sendable, Hashable {
    var value: Double
    var error: Double?
}

/// Everything `fit` found, before it is written out.
struct FittedFigures: Sendable {
    var months: [FitMonth]
    var growth: GrowthFit
    var inputPerRequest: Figure
    var outputPerRequest: Figure
    /// nil where no month's exports split cached prompt tokens off.
    var cachedShare: Figure?
    var batchShare: Figure?
    var cacheWriteShare: Double?
    var classes: RequestClassFit?
    var shape: LoadShapeFit?
    var tokensPerRequest: Double?
}

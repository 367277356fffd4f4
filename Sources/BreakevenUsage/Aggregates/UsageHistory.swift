import BreakevenCore

/// The aggregates of the usage database for some models, as plain values: what `summary`
/// prints and `fit` fits, with no database in sight.
///
/// Several formats may describe the same traffic (a gateway's log and the provider's report):
/// they are never added. Each month of a model is read from one format, the most detailed one
/// (`UsageFormat.preference`) among those whose files cover the whole month. A cost report
/// (`UsageFormat.carriesSpendOnly`) is never that format: it gives the month's billed amount
/// where the chosen export carries none.
public struct UsageHistory: Sendable {
    public var sources: [UsageSource]
    public var months: [UsageMonth]
    public var hours: [UsageHour]
    public var sizes: [UsageSizeBin]

    public init(sources: [UsageSource], months: [UsageMonth], hours: [UsageHour], sizes: [UsageSizeBin]) {
        self.sources = sources
        self.months = months.sorted { ($0.month, $0.model, $0.format) < ($1.month, $1.model, $1.format) }
        self.hours = hours
        self.sizes = sizes
        var spans: [UsageFormat: [(Int64, Int64)]] = [:]
        for s in sources { spans[s.format, default: []].append((s.coveredFrom, s.coveredTo)) }
        coverage = spans.mapValues(UsageHistory.merged)
    }

    /// Each format's covered spans, merged and sorted.
    private(set) var coverage: [UsageFormat: [(Int64, Int64)]] = [:]

    static func merged(_ spans: [(Int64, Int64)]) -> [(Int64, Int64)] {
        var out: [(Int64, Int64)] = []
        for s in spans.sorted(by: { $0.0 < $1.0 }) {
            if let last = out.last, s.0 <= last.1 {
                out[out.count - 1].1 = max(last.1, s.1)
            } else {
                out.append(s)
            }
        }
        return out
    }

    /// Whether files of `format` cover the whole month.
    public func covers(_ format: UsageFormat, _ month: CalendarMonth) -> Bool {
        (coverage[format] ?? []).contains { $0.0 <= month.unixStart && $0.1 >= month.unixEnd }
    }

    /// Months with any usage, sorted.
    var dataMonths: [CalendarMonth] { Array(Set(months.map(\.month))).sorted() }

    public var models: [String] { Array(Set(months.map(\.model))).sorted() }

    /// The row a model's month is read from: the preferred traffic format among those covering the
    /// whole month; nil when no format covers it (a partial month). Its billed amount is its own
    /// where it has one; else a cost report's covering the whole month (its rows of the model and
    /// month summed; nil across two currencies, as `UsageFigures` sums them).
    public func chosen(model: String, month: CalendarMonth) -> UsageMonth? {
        let here = months.filter { $0.model == model && $0.month == month && covers($0.format, month) }
        guard var row = here.filter({ !$0.format.carriesSpendOnly }).min(by: { $0.format < $1.format }) else { return nil }
        if row.figures.billed == nil, let cost = here.filter(\.format.carriesSpendOnly).min(by: { $0.format < $1.format }) {
            row.figures.billed = cost.figures.billed
            row.figures.currency = cost.figures.currency
            row.billedFrom = cost.format
            row.billedSourceIDs = cost.sourceIDs
        }
        return row
    }

    /// A month of every model together, or nil if the month is incomplete: some model's usage
    /// comes only from files that cover part of it, or no file covers it at all. Cost reports
    /// count no traffic: they neither cover a month nor hold one back.
    public func complete(_ month: CalendarMonth) -> MonthUsage? {
        let rows = months.filter { $0.month == month && !$0.format.carriesSpendOnly }
        var total = MonthUsage(month: month)
        let anyCoverage = coverage.keys.contains { !$0.carriesSpendOnly && covers($0, month) }
        guard anyCoverage else { return nil }
        for model in Set(rows.map(\.model)).sorted() {
            guard let row = chosen(model: model, month: month) else { return nil }
            total.add(row)
        }
        return total
    }

    /// The complete months from the first month with usage to the last, within [since, until].
    func completeMonths(since: CalendarMonth? = nil, until: CalendarMonth? = nil) -> [MonthUsage] {
        guard let first = dataMonths.first, let last = dataMonths.last else { return [] }
        var out: [MonthUsage] = []
        var m = max(first, since ?? first)
        let end = min(last, until ?? last)
        while m <= end {
            if let usage = complete(m) { out.append(usage) }
            m = m.adding(months: 1)
        }
        return out
    }

    public func source(_ id: Int64) -> UsageSource? { sources.first { $0.id == id } }
}

/// A month of the selected models together, each read from its chosen format.
public struct MonthUsage: Sendable, Hashable {
    public var month: CalendarMonth
    public var figures = UsageFigures()
    /// The format each model was read from.
    public var formats: [String: UsageFormat] = [:]
    var sourceIDs: [Int64] = []
    /// The narrowest bucket among the rows (seconds).
    var finestBucket: Int64 = .max

    init(month: CalendarMonth) {
        self.month = month
    }

    mutating func add(_ row: UsageMonth) {
        figures.add(row.figures)
        formats[row.model] = row.format
        sourceIDs = Array(Set(sourceIDs + row.sourceIDs)).sorted()
        finestBucket = min(finestBucket, row.finestBucket)
    }
}

import BreakevenCore

/// `usage summary`: each month of each model, read from its chosen format, with the files it
/// came from; partial months are shown and marked, since `fit` leaves them out.
public struct UsageSummary: Sendable {
    public struct Row: Sendable, Hashable {
        public var month: CalendarMonth
        public var model: String
        public var figures: UsageFigures
        public var format: UsageFormat
        /// Whether files of `format` cover the whole month (partial months are left out by `fit`).
        public var complete: Bool
        public var sources: [UsageSource]
        /// Other formats with usage of this model and month, not added (the same traffic).
        public var otherFormats: [UsageFormat]
        /// The cost report `billed` was taken from (the traffic's export carries no amounts), and
        /// its files.
        public var billedFrom: UsageFormat?
        public var billedSources: [UsageSource]
    }

    public private(set) var rows: [Row] = []

    public init(_ history: UsageHistory) {
        for month in history.dataMonths {
            let here = history.months.filter { $0.month == month }
            for model in Set(here.map(\.model)).sorted() {
                let candidates = here.filter { $0.model == model }
                guard let row = history.chosen(model: model, month: month) ?? candidates.min(by: { $0.format < $1.format }) else { continue }
                rows.append(Row(month: month, model: model, figures: row.figures, format: row.format,
                                complete: history.covers(row.format, month),
                                sources: row.sourceIDs.compactMap(history.source),
                                otherFormats: candidates.map(\.format).filter { $0 != row.format && $0 != row.billedFrom }.sorted(),
                                billedFrom: row.billedFrom, billedSources: row.billedSourceIDs.compactMap(history.source)))
            }
        }
    }

    /// What the reader must know about the figures: formats without request counts, partial months.
    public var notes: [String] {
        var notes: [String] = []
        let uncounted = Set(rows.filter { $0.figures.requests == nil && !$0.format.carriesSpendOnly }.map(\.format)).sorted()
        if !uncounted.isEmpty {
            notes.append("\(uncounted.map(\.rawValue).joined(separator: ", ")) exports count no requests (\"–\"): "
                + "fit needs --requests-from another source or --tokens-per-request for them")
        }
        if rows.contains(where: { !$0.complete }) {
            notes.append("partial: no imported file (or directory of session logs read whole) covers the whole month; fit leaves such months out")
        }
        if rows.contains(where: { $0.billedFrom != nil }) {
            notes.append("billed: from a cost report where the usage export carries no amounts (its spend of the model over the same month)")
        }
        let spendOnly = Set(rows.filter(\.format.carriesSpendOnly).map(\.format)).sorted()
        if !spendOnly.isEmpty {
            notes.append("\(spendOnly.map(\.rawValue).joined(separator: ", ")) rows: spend of a model no imported usage export covers that month; fit and drift leave it out")
        }
        if rows.contains(where: { !$0.otherFormats.isEmpty }) {
            notes.append("also: other exports of the same usage, not added (each month of a model is read from one format: per-request logs first)")
        }
        return notes
    }
}

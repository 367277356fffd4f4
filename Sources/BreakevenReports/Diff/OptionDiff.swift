import BreakevenCore

/// One option matched by id between base and head.
public struct OptionDiff: Sendable, Hashable, Encodable {
    public enum Status: String, Sendable, Hashable, Encodable {
        case added, removed, changed, unchanged
    }

    public var id: String
    /// HEAD's label (the base's for a removed option).
    public var label: String
    public var status: Status
    /// The baseline of HEAD (of the base, for a removed option).
    public var isBaseline: Bool
    /// Every figure, in `FigureChange.Figure` order.
    public var figures: [FigureChange]
    /// Cumulative cost month by month: the projection over time, before and after.
    var cumulativeBefore: [Double]?
    var cumulativeAfter: [Double]?

    public init(id: String, before: (OptionResult, BreakevenResult)?, after: (OptionResult, BreakevenResult)?) {
        self.id = id
        label = after?.0.label ?? before?.0.label ?? id
        isBaseline = after.map { $0.0.id == $0.1.baseline } ?? before.map { $0.0.id == $0.1.baseline } ?? false
        figures = FigureChange.Figure.allCases.map { f in
            FigureChange(figure: f, old: before.flatMap { f.value($0.0, in: $0.1) }, new: after.flatMap { f.value($0.0, in: $0.1) })
        }
        cumulativeBefore = before?.0.months.map(\.cumulativeCost)
        cumulativeAfter = after?.0.months.map(\.cumulativeCost)
        switch (before, after) {
        case (nil, _): status = .added
        case (_, nil): status = .removed
        case (let b?, let a?):
            let same = figures.allSatisfy(\.isUnchanged) && b.0.label == a.0.label && cumulativeBefore == cumulativeAfter
            status = same ? .unchanged : .changed
        }
    }

    public func figure(_ f: FigureChange.Figure) -> FigureChange? {
        figures.first { $0.figure == f }
    }

    enum CodingKeys: String, CodingKey {
        case id, label, status
        case isBaseline = "is_baseline"
        case figures
        case cumulativeCost = "cumulative_cost"
    }

    struct FigureKey: CodingKey {
        var stringValue: String
        var intValue: Int? { nil }
        init(stringValue: String) { self.stringValue = stringValue }
        init?(intValue: Int) { nil }
    }

    enum SeriesKeys: String, CodingKey { case old, new }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(id, forKey: .id)
        try c.encode(label, forKey: .label)
        try c.encode(status, forKey: .status)
        try c.encode(isBaseline, forKey: .isBaseline)
        var f = c.nestedContainer(keyedBy: FigureKey.self, forKey: .figures)
        for figure in figures {
            try f.encode(figure, forKey: FigureKey(stringValue: figure.figure.rawValue))
        }
        var s = c.nestedContainer(keyedBy: SeriesKeys.self, forKey: .cumulativeCost)
        try s.encode(cumulativeBefore, forKey: .old)
        try s.encode(cumulativeAfter, forKey: .new)
    }
}

/// What resolving one scenario document collects and may look up: every problem found, every
/// input with its source (the report's assumptions, in the order read), the catalog, and what is
/// already known of the scenario around the object being read.
final class ResolveContext {
    private(set) var diagnostics: [Diagnostic] = []
    private(set) var assumptions: [Assumption] = []
    let catalog: CatalogSnapshot
    /// Catalog dollars into the scenario's currency; nil when it counts in dollars or gives no rate.
    let conversion: CatalogConversion?
    var asOf: CalendarDay
    var profile: Scenario.Profile = .enterprise
    var months = 36
    var start = CalendarMonth(year: 2026, month: 1)
    /// The resolved workload, once read (options size for it and weight prices by its shape).
    var workload: Workload?
    /// Every option's id and kind, in file order (references are checked against them).
    var optionIDs: [String] = []
    var optionKinds: [String: OptionKind] = [:]
    var baselineID = ""
    /// Paths of money values taken from the catalog (a scenario in another currency needs a rate).
    private(set) var catalogMoneyPaths: [String] = []

    init(catalog: CatalogSnapshot, conversion: CatalogConversion?, asOf: CalendarDay) {
        self.catalog = catalog
        self.conversion = conversion
        self.asOf = asOf
    }

    func report(_ diagnostic: Diagnostic) {
        diagnostics.append(diagnostic)
    }

    /// - Parameter isMoney: an amount (a catalog amount is in dollars), not a quantity.
    func assume(_ assumption: Assumption, isMoney: Bool = false) {
        assumptions.append(assumption)
        if case .catalog = assumption.source, isMoney { catalogMoneyPaths.append(assumption.path) }
    }

    /// Gives the assumptions listed from index `first` at `path` the key's title and unit (the
    /// first key to name one wins: a nested key names its own before the object around it).
    func name(from first: Int, path: String, _ doc: KeyDoc) {
        for k in first..<assumptions.count where assumptions[k].path == path && assumptions[k].title == nil {
            assumptions[k].title = doc.title
            assumptions[k].unit = doc.unit
        }
    }

    /// Catalog money not in dollars when the scenario gives a rate.
    func local(_ usd: Double) -> Double { conversion?.amount(usd) ?? usd }
}

extension ResolveContext {
    /// A reference from a composite or a phase to a single option (not a switch or a mix).
    func checkSingleOption(_ node: JSONNode?, path: String, alsoAllowed extra: [String] = []) {
        guard let node, let id = node.string, !extra.contains(id) else { return }
        guard let kind = optionKinds[id] else {
            return report(Diagnostic(at: node.location, path: path, "unknown option id \"\(id)\"" + Suggestion.clause(for: id, in: optionIDs + extra)))
        }
        if kind.isComposite {
            let singles = OptionKind.allCases.filter { !$0.isComposite }.map(\.rawValue)
            report(Diagnostic(at: node.location, path: path,
                              "expected a single option (\(singles.dropLast().joined(separator: ", ")) or \(singles.last ?? "")), found \"\(id)\" (\(kind.withArticle) option)"))
        }
    }
}

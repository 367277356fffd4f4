import BreakevenCore

/// What a change does to cost: two results (base and head) matched option by option, the inputs
/// that changed, and the guardrails checked on the head. Pure values, computed the same from
/// scenario files and from result files; rendered as a PR comment (`DiffMarkdown`) or JSON
/// (`DiffJSON`, `"diff_version": 1`).
public struct ResultDiff: Sendable, Hashable, Encodable {
    public static let currentVersion = 1

    var diffVersion: Int
    /// The report name, used in the comment's marker: `<!-- breakeven-diff: NAME -->`.
    public var name: String
    /// One or two sentences: what the change does to the best option's breakeven and savings.
    public var headline: String
    /// nil when the scenario is new (it did not exist at the base).
    @ExplicitNull public var base: DiffSide?
    public var head: DiffSide
    /// HEAD's options in order, then those only the base has.
    public var options: [OptionDiff]
    public var inputs: [InputChange]
    /// Warnings HEAD brings and clears.
    public var warnings: [WarningChange]
    public var guardrails: [GuardrailOutcome]

    public init(name: String, base: BreakevenResult?, head: BreakevenResult, guardrails: [GuardrailOutcome] = []) {
        diffVersion = ResultDiff.currentVersion
        self.name = name
        self.base = base.map(DiffSide.init)
        self.head = DiffSide(head)
        var options: [OptionDiff] = []
        for o in head.options {
            var before: (OptionResult, BreakevenResult)?
            if let base, let b = base.option(o.id) { before = (b, base) }
            options.append(OptionDiff(id: o.id, before: before, after: (o, head)))
        }
        if let base {
            for o in base.options where head.option(o.id) == nil {
                options.append(OptionDiff(id: o.id, before: (o, base), after: nil))
            }
        }
        self.options = options
        let before = (base?.assumptions ?? []) + InputChange.guardrailInputs(base?.guardrails ?? [])
            + InputChange.uncertaintyInputs(base?.uncertainty, naming: base?.assumptions ?? [])
        let after = head.assumptions + InputChange.guardrailInputs(head.guardrails)
            + InputChange.uncertaintyInputs(head.uncertainty, naming: head.assumptions)
        inputs = InputChange.changes(before: before, after: after)
        warnings = WarningChange.changes(before: base, after: head)
        self.guardrails = guardrails
        headline = ""
        headline = DiffHeadline.sentences(self)
    }

    public func option(_ id: String) -> OptionDiff? { options.first { $0.id == id } }

    public var breachedGuardrails: [GuardrailOutcome] { guardrails.filter { $0.status == .breached } }

    /// True when no figure, no input and no warning changed.
    var isUnchanged: Bool {
        base != nil && options.allSatisfy { $0.status == .unchanged } && inputs.isEmpty && warnings.isEmpty
    }

    enum CodingKeys: String, CodingKey {
        case diffVersion = "diff_version"
        case name, headline, base, head, options, inputs, warnings, guardrails
    }
}

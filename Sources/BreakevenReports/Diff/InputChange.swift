import BreakevenCore

/// A scenario input whose value differs between base and head, from the results' assumptions
/// (every input with its source) and guardrails.
public struct InputChange: Sendable, Hashable, Encodable {
    public enum Kind: String, Sendable, Hashable, Encodable { case added, removed, changed }

    /// As `--set` takes it: `options.gpt.price_change_per_year`; guardrails as
    /// `guardrails.self.total_cost.max`.
    public var path: String
    public var kind: Kind
    /// The value as JSON text; nil on the side that lacks it.
    @ExplicitNull public var old: String?
    @ExplicitNull public var new: String?
    /// "scenario", "default", "--set" or "catalog …".
    @ExplicitNull var oldSource: String?
    @ExplicitNull var newSource: String?
    /// The key's human name and unit, as the results' assumptions give them (HEAD's first).
    public var title: String?
    public var unit: ValueUnit?

    enum CodingKeys: String, CodingKey {
        case path, kind, old, new, title, unit
        case oldSource = "old_source"
        case newSource = "new_source"
    }

    /// Value changes between two lists of inputs: HEAD's order, then what only the base has.
    /// A value that only changes its source (a default written out) is no change.
    static func changes(before: [Assumption], after: [Assumption]) -> [InputChange] {
        var old: [String: Assumption] = [:]
        for a in before where old[a.path] == nil { old[a.path] = a }
        var seen = Set<String>()
        var out: [InputChange] = []
        for a in after where seen.insert(a.path).inserted {
            if let b = old[a.path] {
                if b.value != a.value {
                    out.append(InputChange(path: a.path, kind: .changed, old: b.value, new: a.value,
                                           oldSource: b.sourceDescription, newSource: a.sourceDescription,
                                           title: a.title ?? b.title, unit: a.unit ?? b.unit))
                }
            } else {
                out.append(InputChange(path: a.path, kind: .added, old: nil, new: a.value, oldSource: nil, newSource: a.sourceDescription,
                                       title: a.title, unit: a.unit))
            }
        }
        var removedSeen = Set<String>()
        for b in before where !seen.contains(b.path) && removedSeen.insert(b.path).inserted {
            out.append(InputChange(path: b.path, kind: .removed, old: b.value, new: nil, oldSource: b.sourceDescription, newSource: nil,
                                   title: b.title, unit: b.unit))
        }
        return out
    }

    /// The Monte Carlo's setup as inputs, so a PR that widens a distribution shows why the trial
    /// figures moved: `uncertainty.inputs.options.self.gpu_hourly` (its distribution as written),
    /// `uncertainty.trials`, `uncertainty.seed`, and each correlation by its two paths.
    /// - Parameter inputs: the assumptions that name the uncertain inputs.
    static func uncertaintyInputs(_ u: UncertaintySummary?, naming inputs: [Assumption]) -> [Assumption] {
        guard let u else { return [] }
        var titles: [String: String] = [:]
        for a in inputs where titles[a.path] == nil { titles[a.path] = a.title }
        var out = [Assumption(path: "uncertainty.trials", value: String(u.trials), source: .scenario, title: "Monte Carlo trials", unit: .count("trials")),
                   // A seed is a name, not an amount: written as it is ("2027", not "2,027").
                   Assumption(path: "uncertainty.seed", value: JSONNode.string(String(u.seed)).canonicalText, source: .scenario,
                              title: "Monte Carlo seed", unit: .text)]
        for i in u.inputs {
            out.append(Assumption(path: "uncertainty.inputs.\(i.path)", value: JSONNode.string(i.distribution).canonicalText, source: .scenario,
                                  title: (titles[i.path] ?? i.path) + " (distribution)", unit: .text))
        }
        for c in u.correlations ?? [] {
            out.append(Assumption(path: "uncertainty.correlations.\(c.between.joined(separator: "~"))", value: GuardrailRule.plain(c.rankCorrelation),
                                  source: .scenario, title: "Rank correlation", unit: .plain))
        }
        return out
    }

    /// Guardrails as inputs, so a PR that loosens one shows it: `guardrails.self.total_cost.max`.
    static func guardrailInputs(_ guardrails: [Guardrail]) -> [Assumption] {
        var count: [String: Int] = [:]
        return guardrails.map { g in
            let (bound, value): (String, Double)
            switch g.bound {
            case .max(let x): (bound, value) = ("max", x)
            case .min(let x): (bound, value) = ("min", x)
            }
            var path = "guardrails.\(g.option).\(g.metric.rawValue).\(bound)"
            count[path, default: 0] += 1
            if let k = count[path], k > 1 { path += "#\(k)" }
            let unit: ValueUnit
            switch g.metric.unit {
            case .money: unit = .money
            case .month: unit = .month
            case .share: unit = .share
            case .count: unit = .count(g.metric.countNoun + "s")
            }
            let limit = bound == "max" ? "at most" : "at least"
            return Assumption(path: path, value: GuardrailRule.plain(value), source: .scenario,
                              title: "Guardrail: \(g.metric.words) \(limit)", unit: unit)
        }
    }
}

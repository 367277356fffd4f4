import BreakevenCore
import Foundation

/// What `fit` writes: `{ "workload": …, "fit": … }` (and `uncertainty` when asked for), as
/// JSON values with numbers rounded to what the data can tell.
public struct FittedWorkload: Sendable {
    /// A valid version-1 `workload` block.
    public var workload: JSONNode
    /// The diagnostics: sources, months, each figure's standard error, the growth model and its criterion.
    public var diagnostics: JSONNode
    /// `{ "inputs": { path: { "normal": { "mean", "sd" } } } }` of the fitted figures; nil unless asked for.
    public var uncertainty: JSONNode?
    public var firstProjectedMonth: CalendarMonth
    public var notes: [String]

    /// The object `fit --out` writes.
    public var document: JSONNode {
        var members: [(String, JSONNode)] = [("workload", workload), ("fit", diagnostics)]
        if let uncertainty { members.append(("uncertainty", uncertainty)) }
        return .object(members)
    }

    /// Whether the language has a key for the share of prompt tokens written to the cache.
    static var languageHasCacheWriteShare: Bool {
        ScenarioLanguage.hasKey("workload.cache_write_share")
    }

    init(_ f: FittedFigures, history: UsageHistory, options: FitOptions, projected: CalendarMonth, notes: [String]) {
        var notes = notes
        var w: [(String, JSONNode)] = []
        var inputs: [(String, JSONNode)] = []
        func uncertain(_ path: String, _ mean: Double, _ sd: Double?) {
            guard let sd, sd > 0, sd.isFinite else { return }
            inputs.append((path, .object([("normal", .object([("mean", .number(mean)), ("sd", .number(Round.significant(sd, 3)))]))])))
        }
        let level = Round.significant(f.growth.chosen.level, 5)
        w.append(("requests_per_day", .number(level)))
        uncertain("workload.requests_per_day", level, f.growth.chosen.levelError)
        let writesCache = f.cacheWriteShare != nil && FittedWorkload.languageHasCacheWriteShare
        if let classes = f.classes {
            var shares = classes.classes.map { Round.decimals($0.share, 6) }
            // Rounded shares still sum to 1: the largest class takes the rounding.
            if let k = shares.indices.max(by: { shares[$0] < shares[$1] }) { shares[k] = Round.decimals(1 - (shares.reduce(0, +) - shares[k]), 6) }
            let writeShares = writesCache ? f.cacheWriteShare.map { Self.classWriteShares($0, classes.classes) } : nil
            w.append(("request_classes", .array(classes.classes.indices.map { k in
                let c = classes.classes[k]
                var members: [(String, JSONNode)] = [
                    ("name", .string(c.name)), ("share", .number(shares[k])),
                    ("input_tokens_per_request", .number(Round.decimals(c.inputTokens, 1))),
                    ("output_tokens_per_request", .number(Round.decimals(c.outputTokens, 1))),
                    ("cached_input_share", .number(Round.decimals(c.cachedInputShare, 4)))]
                if let writeShares { members.append(("cache_write_share", .number(writeShares[k]))) }
                return .object(members)
            })))
        } else {
            let input = Round.decimals(f.inputPerRequest.value, 1), output = Round.decimals(f.outputPerRequest.value, 1)
            w += [("input_tokens_per_request", .number(input)), ("output_tokens_per_request", .number(output))]
            uncertain("workload.input_tokens_per_request", input, f.inputPerRequest.error)
            uncertain("workload.output_tokens_per_request", output, f.outputPerRequest.error)
            if let c = f.cachedShare {
                let cached = Round.decimals(c.value, 4)
                w.append(("cached_input_share", .number(cached)))
                uncertain("workload.cached_input_share", cached, c.error)
            }
        }
        if let b = f.batchShare {
            let share = Round.decimals(b.value, 4)
            w.append(("batch_share", .number(share)))
            uncertain("workload.batch_share", share, b.error)
        }
        if let share = f.cacheWriteShare, writesCache {
            // With classes, each class has its own (the language takes the share beside a request size, not both).
            if f.classes == nil { w.append(("cache_write_share", .number(Round.decimals(share, 4)))) }
        } else if f.cacheWriteShare != nil {
            notes.append("cache writes are in the fit diagnostics only: this version of the language has no workload.cache_write_share")
        }
        switch f.growth.chosen.model {
        case .flat: break
        case .monthlyRate:
            let p = f.growth.chosen.parameters[0]
            let rate = Round.decimals(min(10, max(-0.99, p.value)), 5)
            if rate != Round.decimals(p.value, 5) { notes.append("the fitted monthly rate \(p.value) is beyond what the language takes; written as \(rate)") }
            w.append(("growth", .object([("monthly_rate", .number(rate))])))
            uncertain("workload.growth.monthly_rate", rate, p.error)
        case .logistic:
            let c = f.growth.chosen.parameters[0], k = f.growth.chosen.parameters[1]
            let ceiling = Round.significant(c.value, 5), steepness = Round.decimals(k.value, 5)
            w.append(("growth", .object([("logistic", .object([("ceiling", .number(ceiling)), ("steepness", .number(steepness))]))])))
            uncertain("workload.growth.logistic.ceiling", ceiling, c.error)
            uncertain("workload.growth.logistic.steepness", steepness, k.error)
        }
        if let shape = f.shape {
            w.append(("load_shape", .object([("hourly", .array(shape.weights.map { .number(Round.decimals($0, 3)) }))])))
        }
        w.append(("actuals", .array(f.months.map { m in
            var a: [(String, JSONNode)] = [("month", .string(m.month.description)), ("requests", .number(m.requests.rounded())),
                                           ("input_tokens", .number(m.input)), ("cached_input_tokens", .number(m.cached)),
                                           ("output_tokens", .number(m.output))]
            if let b = m.batchRequests { a.append(("batch_requests", .number(min(b.rounded(), m.requests.rounded())))) }
            if let billed = m.billed, m.currency == nil || options.currency == nil || m.currency == options.currency {
                a.append(("billed", .number(Round.decimals(billed, 2))))
            }
            return .object(a)
        })))
        if let currency = options.currency, f.months.contains(where: { $0.billed != nil && $0.currency != nil && $0.currency != currency }) {
            notes.append("billed amounts are in another currency than the scenario's \(currency): left out of actuals")
        }
        workload = .object(w)
        uncertainty = options.uncertainty && !inputs.isEmpty ? .object([("inputs", .object(inputs))]) : nil
        if options.uncertainty, inputs.isEmpty { notes.append("no fitted figure has a standard error (too few months): no uncertainty block") }
        firstProjectedMonth = projected
        self.notes = notes
        diagnostics = FitDiagnostics.render(f, history: history, options: options, projected: projected, notes: notes)
    }
}

extension FittedWorkload {
    /// Each class's share of prompt tokens written to the cache, from the workload's `w` of all
    /// prompt tokens: a written token is an uncached one, so the writes are spread over the
    /// classes by their uncached tokens. With I the prompt tokens a request over the classes and U
    /// the uncached ones, W/U = w·I/U of every class's uncached tokens are written (at most all of
    /// them), and a class with cached share c writes (1 − c)·W/U of its prompt: the total stays
    /// w·I, and no class reads and writes more than its prompt. Rounded down, so that the cached
    /// and written shares as written still sum to at most 1.
    static func classWriteShares(_ w: Double, _ classes: [RequestClassFit.Class]) -> [Double] {
        let prompt = classes.reduce(0) { $0 + $1.share * $1.inputTokens }
        let uncached = classes.reduce(0) { $0 + $1.share * $1.inputTokens * (1 - Round.decimals($1.cachedInputShare, 4)) }
        let written = uncached > 0 ? min(1, w * prompt / uncached) : 0
        // 1e-6 of a ten-thousandth: 1 − 0.9 is 0.09999999999999998 in binary, which is still 0.1.
        return classes.map { ((1 - Round.decimals($0.cachedInputShare, 4)) * written * 1e4 + 1e-6).rounded(.down) / 1e4 }
    }
}

/// Numbers as `fit` writes them: enough digits for what the data can tell, and no more.
enum Round {
    static func decimals(_ x: Double, _ d: Int) -> Double {
        let scale = pow(10, Double(d))
        let r = (x * scale).rounded() / scale
        return r == 0 ? 0 : r
    }

    static func significant(_ x: Double, _ digits: Int) -> Double {
        guard x != 0, x.isFinite else { return x }
        let magnitude = Int(floor(log10(abs(x))))
        return decimals(x, max(0, digits - 1 - magnitude))
    }
}

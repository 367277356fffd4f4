/// Reads `guardrails`, checking what the shape cannot: the option exists (or is `*`), has the
/// metric (its kind's declaration says whether it provisions capacity, and so has a
/// utilization), and a utilization limit is a share. Guardrails are not cost inputs, so they stay
/// out of the assumptions.
enum GuardrailReader {
    static func read(_ r: KeyReader, baseline: String) -> [Guardrail] {
        guard let nodes = r.child("guardrails")?.elements else { return [] }
        var guardrails: [Guardrail] = []
        for (i, node) in nodes.enumerated() {
            let g = KeyReader(node: node, path: "guardrails[\(i)]", settingPath: "guardrails.\(i)", context: r.context)
            // Shape problems (a missing key, an unknown metric, both max and min) are reported already;
            // an unknown option is reported whatever else is wrong with the guardrail.
            guard let option = node["option"]?.string else { continue }
            // An option that is not an id at all has its message from the shape check already.
            let isID = option.unicodeScalars.allSatisfy { ("a"..."z").contains($0) || ("0"..."9").contains($0) || "-_.".unicodeScalars.contains($0) }
            let kind = r.context.optionKinds[option]
            if option != "*", isID, kind == nil {
                g.error("option", "unknown option id \"\(option)\"" + Suggestion.clause(for: option, in: r.context.optionIDs))
                continue
            }
            guard let metric = node["metric"]?.string.flatMap(GuardrailMetric.init(rawValue:)) else { continue }
            let key = node["max"] != nil ? "max" : "min"
            guard let limit = node[key]?.number, (node["max"] == nil) != (node["min"] == nil) else { continue }
            if let kind {
                if metric.comparesWithBaseline, option == baseline {
                    g.error("option", "\"\(option)\" is the baseline; \(metric.rawValue) compares the other options with it")
                    continue
                }
                if metric == .utilization, !kind.provisionsCapacity {
                    g.error("option", "\"\(option)\" is \(kind.withArticle) option, which provisions no capacity and has no utilization")
                    continue
                }
                if metric == .gpus, !kind.rentsGPUs {
                    g.error("option", "\"\(option)\" is \(kind.withArticle) option, which rents no GPUs and has no GPUs paid")
                    continue
                }
            }
            if metric == .utilization, !(0...1).contains(limit) {
                g.error(key, "expected a utilization from 0 to 1, found \(node[key]?.quoted ?? "")")
                continue
            }
            if metric.unit == .count, limit < 0 {
                g.error(key, "expected a count of \(metric.countNoun)s, 0 or more, found \(node[key]?.quoted ?? "")")
                continue
            }
            guardrails.append(Guardrail(option: option, metric: metric, bound: key == "max" ? .max(limit) : .min(limit)))
        }
        return guardrails
    }
}

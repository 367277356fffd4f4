extension ScenarioBuilder {
    /// Reads `guardrails`, checking what the shape cannot: the option exists (or is `*`), has the
    /// metric, and a utilization limit is a share. Guardrails are not cost inputs, so they stay
    /// out of the assumptions.
    func buildGuardrails(_ r: ScenarioReader, optionIDs ids: [String], baseline: String, optionNodes: [JSONNode]) -> [Guardrail] {
        guard let nodes = r.child("guardrails")?.elements,
              case .array(.object(let shape), _)? = r.shape.field("guardrails")?.shape else { return [] }
        var guardrails: [Guardrail] = []
        for (i, node) in nodes.enumerated() {
            let g = ScenarioReader(node, path: "guardrails[\(i)]", settingPath: "guardrails.\(i)", shape: shape, log: log)
            // Shape problems (a missing key, an unknown metric, both max and min) are reported already.
            guard let option = node["option"]?.string, let metric = node["metric"]?.string.flatMap(GuardrailMetric.init(rawValue:)) else {
                continue
            }
            let key = node["max"] != nil ? "max" : "min"
            guard let limit = node[key]?.number, (node["max"] == nil) != (node["min"] == nil) else { continue }
            // An option that is not an id at all has its message from the shape check already.
            let isID = option.unicodeScalars.allSatisfy { ("a"..."z").contains($0) || ("0"..."9").contains($0) || "-_.".unicodeScalars.contains($0) }
            if option != "*", isID {
                guard let k = ids.firstIndex(of: option) else {
                    g.error("option", "unknown option id \"\(option)\"" + Suggestion.clause(for: option, in: ids))
                    continue
                }
                let type = optionNodes[k]["type"]?.string ?? ""
                if metric.comparesWithBaseline, option == baseline {
                    g.error("option", "\"\(option)\" is the baseline; \(metric.rawValue) compares the other options with it")
                    continue
                }
                if metric == .utilization, type != "self_hosted", type != "owned_hardware" {
                    g.error("option", "\"\(option)\" is \(type == "api" ? "an" : "a") \(type) option, which provisions no capacity and has no utilization")
                    continue
                }
            }
            if metric == .utilization, !(0...1).contains(limit) {
                g.error(key, "expected a utilization from 0 to 1, found \(node[key]?.quoted ?? "")")
                continue
            }
            guardrails.append(Guardrail(option: option, metric: metric, bound: key == "max" ? .max(limit) : .min(limit)))
        }
        return guardrails
    }
}

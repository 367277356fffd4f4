/// Turns a shape-checked scenario document into a `Scenario`, checking what a shape cannot:
/// the version, unique ids, references between options, shares that must sum to 1, and
/// volumes that would run away.
struct ScenarioBuilder {
    /// Tokens a month beyond which a projection is not meaningful (and sums lose precision).
    static let maxTokensPerMonth = 1e15

    let root: JSONNode
    let log = ScenarioReader.Log()

    func build() -> Scenario? {
        guard case .object(let top) = ScenarioLanguage.scenario else { return nil }
        let r = ScenarioReader(root, path: "", settingPath: "", shape: top, log: log)

        if let v = r.child("version"), let n = v.number, n != Double(ScenarioLanguage.version) {
            r.error("version", "unsupported version \(v.quoted); this breakeven reads version \(ScenarioLanguage.version)")
        }
        // Names and descriptions are not cost inputs: they stay out of the assumptions.
        let name = r.child("name")?.string ?? ""
        let description = r.child("description")?.string ?? ""
        let profile = Scenario.Profile(rawValue: r.string("profile")) ?? .enterprise
        let currency = r.string("currency")
        let start = CalendarMonth(r.string("start")) ?? CalendarMonth(year: 2026, month: 1)
        let months = r.int("months")
        let discountRate = r.double("discount_rate")
        let workload = buildWorkload(r.object("workload"), start: start, months: months)

        let optionNodes = r.child("options")?.elements ?? []
        let ids = optionNodes.map { $0["id"]?.string ?? "" }
        var options: [ServingOption] = []
        var firstIndex: [String: Int] = [:]
        for (i, node) in optionNodes.enumerated() {
            let id = ids[i]
            if let first = firstIndex[id], !id.isEmpty {
                log.diagnostics.append(Diagnostic(at: node["id"]?.location ?? node.location, path: "options[\(i)].id",
                                                  "duplicate option id \"\(id)\" (first used by options[\(first)])"))
            } else {
                firstIndex[id] = i
            }
            if let option = buildOption(node, index: i, allIDs: ids, optionNodes: optionNodes) { options.append(option) }
        }

        var baseline = ids.first ?? ""
        if let b = r.child("baseline"), let id = b.string {
            r.record("baseline", b.quoted, from: b)
            if ids.contains(id) {
                baseline = id
            } else {
                r.error("baseline", "unknown option id \"\(id)\"" + Suggestion.clause(for: id, in: ids))
            }
        } else if let first = ids.first {
            log.assumptions.append(Assumption(path: "baseline", value: "\"\(first)\"", source: .defaultValue))
        }

        let guardrails = buildGuardrails(r, optionIDs: ids, baseline: baseline, optionNodes: optionNodes)

        guard log.diagnostics.isEmpty, options.count == optionNodes.count, let workload else { return nil }
        var scenario = Scenario(name: name, description: description, profile: profile, currency: currency, start: start,
                                months: months, discountRate: discountRate, workload: workload, options: options,
                                baselineID: baseline, assumptions: log.assumptions)
        scenario.guardrails = guardrails
        return scenario
    }

    // MARK: Workload

    private func buildWorkload(_ w: ScenarioReader, start: CalendarMonth, months: Int) -> Workload? {
        guard w.isPresent else { return nil }
        let volume: Workload.Volume = w.has("requests_per_day")
            ? .perDay(w.double("requests_per_day")) : .perMonth(w.double("requests_per_month"))

        var classes: [RequestClass] = []
        if let nodes = w.child("request_classes")?.elements {
            guard case .array(.object(let classShape), _)? = ScenarioLanguage.workload.objectShape?.field("request_classes")?.shape else { return nil }
            for (i, node) in nodes.enumerated() {
                let name = node["name"]?.string ?? "class \(i + 1)"
                let c = ScenarioReader(node, path: "\(w.path).request_classes[\(i)]",
                                       settingPath: "\(w.settingPath).request_classes.\(name)", shape: classShape, log: log)
                classes.append(RequestClass(name: name, share: c.double("share"), inputTokens: c.double("input_tokens_per_request"),
                                            outputTokens: c.double("output_tokens_per_request"), cachedInputShare: c.double("cached_input_share")))
            }
            let sum = classes.reduce(0) { $0 + $1.share }
            if abs(sum - 1) > 1e-6 {
                w.error("request_classes", "expected shares that sum to 1, found a sum of \(NumberBounds.format(sum))")
            }
        } else {
            classes = [RequestClass(name: "all", share: 1, inputTokens: w.double("input_tokens_per_request"),
                                    outputTokens: w.double("output_tokens_per_request"), cachedInputShare: w.double("cached_input_share"))]
        }
        let batchShare = w.double("batch_share")
        let growth = buildGrowth(w.object("growth"))
        let loadShape = buildLoadShape(w.object("load_shape"))
        let workload = Workload(volume: volume, classes: classes, batchShare: batchShare, growth: growth, loadShape: loadShape)

        // A growth that compounds past any real workload is a typo, not a forecast.
        let perRequest = workload.tokensPerRequest
        for i in 0..<max(0, min(months, 240)) {
            let tokens = workload.requests(month: i, start: start) * (perRequest.input + perRequest.output)
            if !(tokens <= ScenarioBuilder.maxTokensPerMonth) {
                w.error(w.has("growth") ? "growth" : nil,
                        "the workload reaches \(Money.scientific(tokens)) tokens in month \(i + 1); at most 1e15 tokens a month are supported")
                break
            }
        }
        return workload
    }

    private func buildGrowth(_ g: ScenarioReader) -> Growth {
        guard g.isPresent else {
            g.log.assumptions.append(Assumption(path: g.settingPath, value: "flat", source: .defaultValue))
            return .flat
        }
        if g.has("monthly_rate") { return .monthlyRate(g.double("monthly_rate")) }
        if g.has("annual_rate") { return .annualRate(g.double("annual_rate")) }
        if let values = g.child("schedule")?.elements {
            let numbers = values.compactMap(\.number)
            g.record("schedule", "[" + values.map(\.quoted).joined(separator: ", ") + "]", from: g.child("schedule"))
            return .schedule(numbers)
        }
        if g.has("logistic") {
            let l = g.object("logistic")
            return .logistic(ceiling: l.double("ceiling"), steepness: l.double("steepness"))
        }
        return .flat
    }

    private func buildLoadShape(_ s: ScenarioReader) -> LoadShape {
        guard s.isPresent else {
            s.log.assumptions.append(Assumption(path: s.settingPath, value: "flat", source: .defaultValue))
            return .flat
        }
        if s.has("peak_to_average") { return .peakToAverage(s.double("peak_to_average")) }
        if let values = s.child("hourly")?.elements {
            let weights = values.compactMap(\.number)
            s.record("hourly", "[" + values.map(\.quoted).joined(separator: ", ") + "]", from: s.child("hourly"))
            if weights.count == 24, weights.allSatisfy({ $0 == 0 }) {
                s.error("hourly", "expected at least one weight above 0, found all 24 zero")
            }
            return weights.count == 24 ? .hourly(weights) : .flat
        }
        return .flat
    }

    // MARK: Options

    private func buildOption(_ node: JSONNode, index i: Int, allIDs: [String], optionNodes: [JSONNode]) -> ServingOption? {
        guard case .tagged(let tagged) = ScenarioLanguage.option,
              let type = node["type"]?.string, let shape = tagged.variant(type) else { return nil }
        let id = node["id"]?.string ?? ""
        let r = ScenarioReader(node, path: "options[\(i)]", settingPath: "options.\(id)", shape: shape, log: log)
        let label = r.child("label")?.string ?? id
        let kind: ServingOption.Kind
        switch type {
        case "api": kind = .api(buildAPI(r))
        case "self_hosted": kind = .selfHosted(buildSelfHosted(r))
        case "owned_hardware": kind = .ownedHardware(buildOwned(r))
        case "subscription": kind = .subscription(buildSubscription(r, allIDs: allIDs, optionNodes: optionNodes))
        default: return nil
        }
        return ServingOption(id: id, label: label, kind: kind)
    }

    private func buildAPI(_ r: ScenarioReader) -> APIPricing {
        let p = r.object("prices")
        let input = p.double("input_per_mtok")
        let output = p.double("output_per_mtok")
        let cached = p.optionalDouble("cached_input_per_mtok") ?? input
        if !p.has("cached_input_per_mtok") { p.record("cached_input_per_mtok", NumberBounds.format(input) + " (the input price)", from: nil) }
        let batchFactor = 1 - p.double("batch_discount")
        let base = TokenPrices(input: input, cachedInput: cached, output: output)
        var tiers = [PriceTier(aboveInputTokens: 0, standard: base, batch: base.scaled(by: batchFactor))]
        if let tierNodes = p.child("long_context")?.elements {
            guard case .array(.object(let tierShape), _)? = p.shape.field("long_context")?.shape else { return APIPricing(tiers: tiers) }
            var seen: [Int: Int] = [:]
            for (k, node) in tierNodes.enumerated() {
                let t = ScenarioReader(node, path: "\(p.path).long_context[\(k)]", settingPath: "\(p.settingPath).long_context.\(k)", shape: tierShape, log: log)
                let threshold = t.int("above_input_tokens")
                if let first = seen[threshold] {
                    t.error("above_input_tokens", "duplicate threshold \(threshold) (first given in long_context[\(first)])")
                }
                seen[threshold] = k
                let tierInput = t.double("input_per_mtok")
                let prices = TokenPrices(input: tierInput, cachedInput: t.optionalDouble("cached_input_per_mtok") ?? tierInput,
                                         output: t.double("output_per_mtok"))
                tiers.append(PriceTier(aboveInputTokens: threshold, standard: prices, batch: prices.scaled(by: batchFactor)))
            }
        } else {
            p.record("long_context", "[]", from: nil)
        }
        tiers.sort { $0.aboveInputTokens < $1.aboveInputTokens }
        return APIPricing(tiers: tiers, perRequest: p.double("per_request"), priceChangePerYear: r.double("price_change_per_year"),
                          outputTokenMultiplier: r.double("output_token_multiplier"), discount: r.double("discount"),
                          minimumMonthly: r.double("minimum_monthly"),
                          overheads: Overheads(oneTime: r.amounts("one_time"), monthlyFixed: r.amounts("monthly_fixed")))
    }

    private func buildThroughput(_ t: ScenarioReader) -> Throughput {
        Throughput(outputTokensPerSecond: t.double("output_tokens_per_second"), inputTokensPerSecond: t.double("input_tokens_per_second"))
    }

    private func buildOverheads(_ r: ScenarioReader) -> Overheads {
        let team = r.object("team")
        var engineers = 0.0, cost = 0.0
        if team.isPresent {
            engineers = team.double("engineers")
            cost = team.double("cost_per_engineer_per_year")
        } else {
            r.record("team", "none", from: nil)
        }
        return Overheads(engineers: engineers, costPerEngineerPerYear: cost, oneTime: r.amounts("one_time"), monthlyFixed: r.amounts("monthly_fixed"))
    }

    private func buildSelfHosted(_ r: ScenarioReader) -> SelfHostedDeployment {
        SelfHostedDeployment(
            gpuHourly: r.double("gpu_hourly"), gpusPerReplica: r.int("gpus_per_replica"),
            throughput: buildThroughput(r.object("throughput")), maxUtilization: r.double("max_utilization"),
            minReplicas: r.int("min_replicas"), scaling: SelfHostedDeployment.Scaling(rawValue: r.string("scaling")) ?? .static,
            gpuPriceChangePerYear: r.double("gpu_price_change_per_year"), outputTokenMultiplier: r.double("output_token_multiplier"),
            overheads: buildOverheads(r))
    }

    private func buildOwned(_ r: ScenarioReader) -> OwnedHardwarePlan {
        var units = OwnedHardwarePlan.Units.auto
        if let n = r.child("units")?.number {
            units = .fixed(Int(n))
            r.record("units", NumberBounds.format(n), from: r.child("units"))
        } else {
            _ = r.string("units")
        }
        return OwnedHardwarePlan(
            purchasePrice: r.double("purchase_price"), units: units, throughput: buildThroughput(r.object("throughput")),
            maxUtilization: r.double("max_utilization"), hoursOnPerDay: r.double("hours_on_per_day"),
            wattsBusy: r.double("watts_busy"), wattsIdle: r.double("watts_idle"), electricityPerKWh: r.double("electricity_per_kwh"),
            lifetimeMonths: r.int("lifetime_months"), resaleShare: r.double("resale_share"),
            accounting: OwnedHardwarePlan.Accounting(rawValue: r.string("accounting")) ?? .cash,
            hardwarePriceChangePerYear: r.double("hardware_price_change_per_year"),
            outputTokenMultiplier: r.double("output_token_multiplier"), overheads: buildOverheads(r))
    }

    private func buildSubscription(_ r: ScenarioReader, allIDs: [String], optionNodes: [JSONNode]) -> SubscriptionTerms {
        let included = r.object("included")
        var includedRequests: Double?
        if included.isPresent {
            includedRequests = included.double("requests_per_month")
        } else {
            r.record("included", "unlimited", from: nil)
        }
        var overflow: String?
        let target = r.string("overflow")
        if target != "unmet" {
            if let k = allIDs.firstIndex(of: target) {
                let type = optionNodes[k]["type"]?.string ?? ""
                if type == "api" {
                    overflow = target
                } else {
                    r.error("overflow", "expected the id of an api option or \"unmet\", found \"\(target)\" (a \(type) option)")
                }
            } else {
                r.error("overflow", "unknown option id \"\(target)\"" + Suggestion.clause(for: target, in: allIDs + ["unmet"]))
            }
        }
        return SubscriptionTerms(monthlyFee: r.double("monthly_fee"), seats: r.int("seats"), includedRequestsPerMonth: includedRequests,
                                 overflowOptionID: overflow, priceChangePerYear: r.double("price_change_per_year"))
    }
}

extension Shape {
    var objectShape: ObjectShape? {
        if case .object(let s) = self { return s }
        return nil
    }
}

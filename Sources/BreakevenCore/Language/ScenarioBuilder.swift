/// Turns a shape-checked scenario document into a `Scenario`, checking what a shape cannot:
/// the version, unique ids, references between options, shares that must sum to 1, and
/// volumes that would run away.
struct ScenarioBuilder {
    /// Tokens a month beyond which a projection is not meaningful (and sums lose precision).
    static let maxTokensPerMonth = 1e15

    let root: JSONNode
    let catalog: CatalogSnapshot
    /// The catalog's US-dollar prices in the scenario's currency (nil: the scenario counts in dollars,
    /// or gives no rate, which `build` reports if it takes a catalog price).
    let conversion: CatalogConversion?
    let log = ScenarioReader.Log()

    init(root: JSONNode, catalog: CatalogSnapshot) {
        self.root = root
        self.catalog = catalog
        let currency = Currency(code: root["currency"]?.string ?? Currency.usd.code)
        if let rate = root["usd_rate"]?.number, !currency.isUSD, rate > 0 {
            conversion = CatalogConversion(perUSD: rate, into: currency.code)
        } else {
            conversion = nil
        }
    }

    // A price taken from the catalog, in the scenario's currency.
    private func local(_ p: ModelPrice?) -> ModelPrice? { p.map { conversion?($0) ?? $0 } }
    private func local(_ o: GPUOffer?) -> GPUOffer? { o.map { conversion?($0) ?? $0 } }
    private func local(_ h: HardwareSpec?) -> HardwareSpec? { h.map { conversion?($0) ?? $0 } }
    private func local(_ p: SubscriptionPlan?) -> SubscriptionPlan? { p.map { conversion?($0) ?? $0 } }

    /// Catalog values that are quantities, not prices: no currency converts them.
    static let catalogQuantities: Set<String> = ["watts_busy", "watts_idle", "requests_per_month"]

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
        let usdRate = r.optionalDouble("usd_rate")
        if let usdRate, Currency(code: currency).isUSD, usdRate != 1 {
            r.error("usd_rate", "usd_rate converts the catalog's US-dollar prices into the scenario's currency; with currency \"\(currency)\" leave it out")
        }
        let start = CalendarMonth(r.string("start")) ?? CalendarMonth(year: 2026, month: 1)
        let months = r.int("months")
        let discountRate = r.double("discount_rate")
        var asOf = start.firstDay
        if let node = r.child("as_of"), let text = node.string, let day = CalendarDay(text) {
            r.record("as_of", node.quoted, from: node)
            asOf = day
        } else {
            log.add(Assumption(path: "as_of", value: "\"\(asOf)\" (the first day of start)", source: .defaultValue))
        }
        let workload = buildWorkload(r.object("workload"), start: start, months: months)
        let context = OptionContext(asOf: asOf, workload: workload)

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
            if let option = buildOption(node, index: i, allIDs: ids, optionNodes: optionNodes, context: context) { options.append(option) }
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
            log.add(Assumption(path: "baseline", value: "\"\(first)\"", source: .defaultValue))
        }

        checkReferences(r, optionNodes: optionNodes, ids: ids, baseline: baseline, months: months)
        if !Currency(code: currency).isUSD, usdRate == nil {
            // A catalog price in another currency's scenario would be dollars under a euro sign.
            let priced = log.assumptions.filter { a in
                guard case .catalog = a.source else { return false }
                return !ScenarioBuilder.catalogQuantities.contains(String(a.path.split(separator: ".").last ?? ""))
            }.map(\.path)
            if let first = priced.first {
                let more = priced.count > 1 ? " and \(priced.count - 1) more" : ""
                r.error("currency", "this scenario counts in \(currency) but takes prices from the catalog, which are in US dollars (\(first)\(more)); give usd_rate (\(currency) per US dollar) to convert them, or write those prices")
            }
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
                readCacheWrites(c, into: &classes[classes.count - 1])
            }
            let sum = classes.reduce(0) { $0 + $1.share }
            if abs(sum - 1) > 1e-6 {
                w.error("request_classes", "expected shares that sum to 1, found a sum of \(NumberBounds.format(sum))")
            }
        } else {
            classes = [RequestClass(name: "all", share: 1, inputTokens: w.double("input_tokens_per_request"),
                                    outputTokens: w.double("output_tokens_per_request"), cachedInputShare: w.double("cached_input_share"))]
            readCacheWrites(w, into: &classes[0])
        }
        let batchShare = w.double("batch_share")
        let growth = buildGrowth(w.object("growth"))
        let loadShape = buildLoadShape(w.object("load_shape"))
        let phases = buildPhases(w, months: months)
        let workload = Workload(volume: volume, classes: classes, batchShare: batchShare, growth: growth, loadShape: loadShape, phases: phases)

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

    private func buildPhases(_ w: ScenarioReader, months: Int) -> [WorkloadPhase] {
        guard let nodes = w.child("phases")?.elements,
              case .array(.object(let shape), _)? = w.shape.field("phases")?.shape else { return [] }
        var phases: [WorkloadPhase] = []
        for (k, node) in nodes.enumerated() {
            let name = node["name"]?.string ?? "phase \(k + 1)"
            let p = ScenarioReader(node, path: "\(w.path).phases[\(k)]", settingPath: "\(w.settingPath).phases.\(name)", shape: shape, log: log)
            let until = p.int("until_month")
            if let previous = phases.last, until <= previous.untilMonth {
                p.error("until_month", "expected a month after \(previous.untilMonth) (where \"\(previous.name)\" ends), found \(until)")
            }
            var allowed: Set<String>?
            if let ids = p.child("allowed_options")?.elements {
                allowed = Set(ids.compactMap(\.string))
                p.record("allowed_options", "[" + ids.map(\.quoted).joined(separator: ", ") + "]", from: p.child("allowed_options"))
            }
            phases.append(WorkloadPhase(name: name, untilMonth: until, volumeMultiplier: p.double("volume_multiplier"), allowedOptions: allowed))
        }
        return phases
    }

    /// Whether a phase allows an option in a 0-based month, from the document; nil without phases.
    private func phasesByMonth(_ r: ScenarioReader) -> ((Int, String) -> Bool)? {
        guard let nodes = r.object("workload").child("phases")?.elements, !nodes.isEmpty else { return nil }
        let phases = nodes.map { node in
            WorkloadPhase(name: node["name"]?.string ?? "", untilMonth: Int(node["until_month"]?.number ?? 0),
                          allowedOptions: node["allowed_options"]?.elements.map { Set($0.compactMap(\.string)) })
        }
        return { month, id in phases.allows(id, month: month) }
    }

    /// References between options, checked once every option is known.
    private func checkReferences(_ r: ScenarioReader, optionNodes: [JSONNode], ids: [String], baseline: String, months: Int) {
        let types = Dictionary(optionNodes.map { ($0["id"]?.string ?? "", $0["type"]?.string ?? "") }, uniquingKeysWith: { a, _ in a })
        func checkSingle(_ node: JSONNode?, path: String, plus extra: [String] = []) {
            guard let node, let id = node.string else { return }
            if extra.contains(id) { return }
            guard let type = types[id] else {
                log.diagnostics.append(Diagnostic(at: node.location, path: path, "unknown option id \"\(id)\"" + Suggestion.clause(for: id, in: ids + extra)))
                return
            }
            if type == "switch" || type == "mix" {
                log.diagnostics.append(Diagnostic(at: node.location, path: path,
                    "expected a single option (api, self_hosted, owned_hardware or subscription), found \"\(id)\" (a \(type) option)"))
            }
        }
        for (i, node) in optionNodes.enumerated() {
            switch node["type"]?.string {
            case "switch":
                checkSingle(node["from"], path: "options[\(i)].from")
                checkSingle(node["to"], path: "options[\(i)].to")
                if let from = node["from"]?.string, from == node["to"]?.string, let to = node["to"] {
                    log.diagnostics.append(Diagnostic(at: to.location, path: "options[\(i)].to", "expected another option than \"from\", found \"\(from)\" for both"))
                }
                if let at = node["at_month"], let k = at.number, Int(k) > months {
                    log.diagnostics.append(Diagnostic(at: at.location, path: "options[\(i)].at_month", "expected a month within the \(months)-month horizon, found \(at.quoted)"))
                } else if let at = node["at_month"], let k = at.number, let to = node["to"]?.string, let phases = phasesByMonth(r) {
                    // A phase that does not allow `to` in the switch month or later forbids the switch.
                    if let month = (Int(k) - 1..<months).first(where: { phases($0, to) == false }) {
                        log.diagnostics.append(Diagnostic(at: at.location, path: "options[\(i)].at_month",
                            "a switch to \"\(to)\" in month \(Int(k)) is not allowed: a phase forbids \"\(to)\" in month \(month + 1)"))
                    }
                }
            case "mix":
                for (k, route) in (node["routes"]?.elements ?? []).enumerated() {
                    checkSingle(route["option"], path: "options[\(i)].routes[\(k)].option")
                    checkSingle(route["fallback"], path: "options[\(i)].routes[\(k)].fallback")
                }
                let shares = (node["routes"]?.elements ?? []).compactMap { $0["share"]?.number }
                if !shares.isEmpty, abs(shares.reduce(0, +) - 1) > 1e-6, let routes = node["routes"] {
                    log.diagnostics.append(Diagnostic(at: routes.location, path: "options[\(i)].routes",
                        "expected shares that sum to 1, found a sum of \(NumberBounds.format(shares.reduce(0, +)))"))
                }
            default: break
            }
        }
        let w = r.object("workload")
        for (k, phase) in (w.child("phases")?.elements ?? []).enumerated() {
            guard let list = phase["allowed_options"]?.elements else { continue }
            for (j, node) in list.enumerated() { checkSingle(node, path: "workload.phases[\(k)].allowed_options[\(j)]") }
            let allowed = list.compactMap(\.string)
            if !allowed.contains(baseline), let node = phase["allowed_options"] {
                log.diagnostics.append(Diagnostic(at: node.location, path: "workload.phases[\(k)].allowed_options",
                    "expected the baseline \"\(baseline)\" among the allowed options: it serves whatever the others may not"))
            }
        }
    }

    private func buildGrowth(_ g: ScenarioReader) -> Growth {
        guard g.isPresent else {
            g.log.add(Assumption(path: g.settingPath, value: "flat", source: .defaultValue))
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
            s.log.add(Assumption(path: s.settingPath, value: "flat", source: .defaultValue))
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

    /// What every option's resolution needs to know about the scenario around it.
    struct OptionContext {
        var asOf: CalendarDay
        var workload: Workload?
    }

    private func buildOption(_ node: JSONNode, index i: Int, allIDs: [String], optionNodes: [JSONNode], context: OptionContext) -> ServingOption? {
        guard case .tagged(let tagged) = ScenarioLanguage.option,
              let type = node["type"]?.string, let shape = tagged.variant(type) else { return nil }
        let id = node["id"]?.string ?? ""
        let r = ScenarioReader(node, path: "options[\(i)]", settingPath: "options.\(id)", shape: shape, log: log)
        let label = r.child("label")?.string ?? id
        let kind: ServingOption.Kind
        var capacity: DerivedCapacity?
        switch type {
        case "api": kind = .api(buildAPI(r, context))
        case "self_hosted":
            let built = buildSelfHosted(r, context)
            kind = .selfHosted(built.deployment)
            capacity = built.capacity
        case "owned_hardware":
            let built = buildOwned(r, context)
            kind = .ownedHardware(built.plan)
            capacity = built.capacity
        case "subscription": kind = .subscription(buildSubscription(r, context, allIDs: allIDs, optionNodes: optionNodes))
        case "switch":
            var at = SwitchPlan.At.best
            if let k = r.child("at_month")?.number {
                at = .month(Int(k))
                r.record("at_month", NumberBounds.format(k), from: r.child("at_month"))
            } else {
                _ = r.string("at_month")
            }
            kind = .switchover(SwitchPlan(fromID: r.string("from"), toID: r.string("to"), at: at))
        case "mix":
            guard case .array(.object(let routeShape), _)? = r.shape.field("routes")?.shape else { return nil }
            let baseline = root["baseline"]?.string ?? allIDs.first ?? ""
            let routes = (r.child("routes")?.elements ?? []).enumerated().map { k, node in
                let route = ScenarioReader(node, path: "\(r.path).routes[\(k)]", settingPath: "\(r.settingPath).routes.\(node["option"]?.string ?? String(k))",
                                           shape: routeShape, log: log)
                return TrafficMix.Route(optionID: route.string("option"), share: route.double("share"),
                                        qualityFallbackShare: route.double("quality_fallback_share"),
                                        fallbackID: route.optionalString("fallback") ?? baseline)
            }
            kind = .mix(TrafficMix(routes: routes))
        default: return nil
        }
        return ServingOption(id: id, label: label, kind: kind, capacity: capacity?.capacity, derivedFrom: capacity?.setup)
    }

    private func buildAPI(_ r: ScenarioReader, _ context: OptionContext) -> APIPricing {
        let p = r.object("prices")
        let model = r.lookup("model", kind: "model", in: Array(Set(catalog.modelPrices.map(\.id))).sorted(),
                             find: { catalog.modelPrice($0, asOf: context.asOf) },
                             undatedReason: { id in
                                 let dates = catalog.modelPrices.filter { $0.id == id }.map(\.effectiveFrom)
                                 guard let first = dates.min() else { return nil }
                                 return "catalog model \"\(id)\" has no price in effect on \(context.asOf) (its first price takes effect on \(first)); set as_of or give prices"
                             })
        // ---- prices (issue 14): provider rules, the service tier, cache writes, batch with caching.
        // The rules and the tier live in CatalogValues/ProviderPriceRule.swift and ModelPrice+Billing.swift.
        let serviceTier = r.optionalString("service_tier") ?? "standard" // listed only when written
        var price = local(model?.entry).map(ProviderPriceRules.applied)
        if let found = price, serviceTier != "standard" {
            if let tiered = found.inServiceTier(serviceTier) {
                price = tiered
            } else {
                r.error("service_tier", "catalog model \"\(found.id)\" has no \"\(serviceTier)\" prices (it has \(found.serviceTierNames.joined(separator: ", ")))")
            }
        } else if price == nil, serviceTier != "standard", !r.has("model") {
            r.error("service_tier", "service_tier picks a catalog model's tier prices; without a catalog \"model\", write the tier's prices instead")
        }
        let writesCache = context.workload?.classes.contains { $0.cacheWriteShare > 0 } ?? false
        // ---- end of the prices block
        let ref = price.map { CatalogReference(id: $0.id, effectiveFrom: $0.effectiveFrom, reference: $0.source) }
        if price == nil, !r.has("model") {
            if !r.has("prices") { r.error(nil, "missing required key \"prices\" (or a catalog \"model\")") }
            for key in ["input_per_mtok", "output_per_mtok"] where p.isPresent && !p.has(key) {
                p.error(nil, "missing required key \"\(key)\" (or a catalog \"model\")")
            }
        }
        let input = p.double("input_per_mtok", catalog: price?.inputPerMTok, from: ref)
        let output = p.double("output_per_mtok", catalog: price?.outputPerMTok, from: ref)
        let cached: Double
        if p.has("cached_input_per_mtok") || price?.cachedInputPerMTok != nil {
            cached = p.double("cached_input_per_mtok", catalog: price?.cachedInputPerMTok, from: ref)
        } else {
            cached = input
            p.record("cached_input_per_mtok", NumberBounds.format(input) + " (the input price)", from: nil)
        }
        // Cache writes: listed only when the workload writes to the cache.
        func writePrice(_ key: String, catalog: Double?, fallback: Double, note: String) -> Double {
            if p.has(key) { return p.double(key) }
            if let catalog {
                return writesCache ? p.double(key, catalog: catalog, from: ref) : catalog
            }
            if writesCache { p.record(key, NumberBounds.format(fallback) + note, from: nil) }
            return fallback
        }
        let write = writePrice("cache_write_per_mtok", catalog: price?.cacheWritePerMTok, fallback: input, note: " (the input price)")
        let write1h = writePrice("cache_write_1h_per_mtok", catalog: price?.cacheWrite1hPerMTok, fallback: write, note: " (the 5-minute write price)")
        var standard = TokenPrices(input: input, cachedInput: cached, output: output, cacheWrite: write, cacheWrite1h: write1h)
        // Time-of-day prices, weighted by the share of the day's load in each window.
        if let price, !price.timeOfDay.isEmpty, !p.has("input_per_mtok"), !p.has("output_per_mtok") {
            standard = TimeOfDayWeighting.weighted(standard, windows: price.timeOfDay,
                                                   loadShape: context.workload?.loadShape ?? .flat)
            // The windows price input, cache reads and output; writes keep their price (or the weighted input).
            standard.cacheWrite = p.has("cache_write_per_mtok") || price.cacheWritePerMTok != nil ? write : standard.input
            standard.cacheWrite1h = p.has("cache_write_1h_per_mtok") || price.cacheWrite1hPerMTok != nil ? write1h : standard.cacheWrite
            r.log.add(Assumption(path: p.settingPath("time_of_day"),
                value: "\(price.timeOfDay.count) window(s) weighted by the load shape: input \(NumberBounds.format(standard.input)), output \(NumberBounds.format(standard.output))",
                source: ref?.source ?? .defaultValue))
        }

        // Batch traffic: an inline discount on every price (cache prices too), else the catalog's
        // batch prices (see BatchPricing); a catalog model without one is an error when traffic is batched.
        let batchOf: (TokenPrices) -> TokenPrices
        if let price, !p.has("batch_discount"), let batch = BatchPricing(price) {
            let b = batch(price.basePrices)
            r.log.add(Assumption(path: p.settingPath("batch"),
                value: "input \(NumberBounds.format(b.input)), cached input \(NumberBounds.format(b.cachedInput)), output \(NumberBounds.format(b.output)) per Mtok"
                    + (writesCache ? ", cache write \(NumberBounds.format(b.cacheWrite))" : ""),
                source: ref?.source ?? .defaultValue))
            batchOf = { batch($0) }
        } else {
            if let price, !p.has("batch_discount"), (context.workload?.batchShare ?? 0) > 0 {
                r.error("model", "catalog model \"\(price.id)\" has no batch price and no provider rule gives one, so batch traffic has no price; give prices.batch_discount (0 if batch requests pay the standard price)")
            }
            let factor = 1 - p.double("batch_discount")
            batchOf = { $0.scaled(by: factor) }
        }
        var tiers = [PriceTier(aboveInputTokens: 0, standard: standard, batch: batchOf(standard))]
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
                let tierWrite = t.optionalDouble("cache_write_per_mtok") ?? (p.has("cache_write_per_mtok") || price?.cacheWritePerMTok != nil ? write : tierInput)
                let prices = TokenPrices(input: tierInput, cachedInput: t.optionalDouble("cached_input_per_mtok") ?? tierInput,
                                         output: t.double("output_per_mtok"), cacheWrite: tierWrite,
                                         cacheWrite1h: p.has("cache_write_1h_per_mtok") || price?.cacheWrite1hPerMTok != nil ? write1h : tierWrite)
                tiers.append(PriceTier(aboveInputTokens: threshold, standard: prices, batch: batchOf(prices)))
            }
        } else if let price, !price.longContext.isEmpty {
            for tier in price.longContext {
                let prices = price.prices(above: tier)
                tiers.append(PriceTier(aboveInputTokens: tier.aboveInputTokens, standard: prices, batch: batchOf(prices)))
                r.log.add(Assumption(path: p.settingPath("long_context.above_\(tier.aboveInputTokens)"),
                    value: "input \(NumberBounds.format(tier.inputPerMTok)), output \(NumberBounds.format(tier.outputPerMTok)) per Mtok",
                    source: ref?.source ?? .defaultValue))
            }
        } else {
            p.record("long_context", "[]", from: nil)
        }
        tiers.sort { $0.aboveInputTokens < $1.aboveInputTokens }
        return APIPricing(tiers: tiers, perRequest: p.double("per_request", catalog: price?.perRequest, from: ref),
                          priceChangePerYear: r.double("price_change_per_year"),
                          outputTokenMultiplier: r.double("output_token_multiplier"), discount: r.double("discount"),
                          minimumMonthly: r.double("minimum_monthly"),
                          overheads: Overheads(oneTime: r.amounts("one_time"), monthlyFixed: r.amounts("monthly_fixed")))
    }

    /// `cache_write_share` and `cache_write_ttl` of a request class or the single-size workload
    /// (issue 14); the cached and written shares together may not exceed the prompt.
    private func readCacheWrites(_ c: ScenarioReader, into requestClass: inout RequestClass) {
        guard c.has("cache_write_share") else {
            if c.has("cache_write_ttl") { c.error("cache_write_ttl", "\"cache_write_ttl\" is used only with cache_write_share") }
            return
        }
        requestClass.cacheWriteShare = c.double("cache_write_share")
        requestClass.cacheWriteTTL = CacheWriteTTL(rawValue: c.string("cache_write_ttl")) ?? .fiveMinutes
        let total = requestClass.cachedInputShare + requestClass.cacheWriteShare
        if total > 1 + 1e-9 {
            c.error("cache_write_share", "expected cached_input_share + cache_write_share ≤ 1 (a prompt token is read from the cache, written to it or neither), found \(NumberBounds.format(requestClass.cachedInputShare)) + \(NumberBounds.format(requestClass.cacheWriteShare))")
        }
    }

    private func buildThroughput(_ t: ScenarioReader) -> Throughput {
        Throughput(outputTokensPerSecond: t.double("output_tokens_per_second"), inputTokensPerSecond: t.double("input_tokens_per_second"))
    }

    /// Given throughput, or derived from the model on the device by the capacity model.
    private func throughput(_ r: ScenarioReader, _ context: OptionContext, device: Accelerator?, deviceKey: String)
        -> (throughput: Throughput, capacity: DerivedCapacity?)
    {
        guard r.child("throughput")?.string == "derived" else {
            for key in ["model", "precision", "kv_cache_precision", "tensor_parallel", "latency", "efficiency", "max_batch"] where r.has(key) {
                r.error(key, "\"\(key)\" is used only when throughput is \"derived\"")
            }
            return (buildThroughput(r.object("throughput")), nil)
        }
        r.record("throughput", "\"derived\"", from: r.child("throughput"))
        let fallback = Throughput(outputTokensPerSecond: 1, inputTokensPerSecond: 1)
        var model: OpenModelArchitecture?
        if let inline = r.child("model"), inline.members != nil {
            let m = r.object("model")
            let total = m.double("total_parameters")
            model = OpenModelArchitecture(
                id: "inline", name: "inline model", totalParameters: total,
                activeParameters: m.optionalDouble("active_parameters") ?? total, layers: m.int("layers"),
                hiddenSize: m.int("hidden_size"), attentionHeads: m.int("attention_heads"), kvHeads: m.int("kv_heads"),
                headDimension: m.int("head_dimension"), latentKVValues: m.optionalDouble("latent_kv_values").map { Int($0) },
                contextLength: m.optionalDouble("context_length").map { Int($0) } ?? 131_072,
                license: "", source: "scenario")
        } else if r.has("model") {
            model = r.lookup("model", kind: "open model", in: catalog.openModels.map(\.id), find: { catalog.openModel($0) })?.entry
        } else {
            r.error(nil, "missing key \"model\", needed when throughput is \"derived\"")
        }
        if !r.has("precision") { r.error(nil, "missing key \"precision\", needed when throughput is \"derived\"") }
        if device == nil, !r.has(deviceKey) {
            r.error(nil, "missing key \"\(deviceKey)\", needed when throughput is \"derived\"")
        }
        guard let model, let device, let workload = context.workload,
              let precision = Precision(rawValue: r.string("precision")) else { return (fallback, nil) }
        let kv = Precision(rawValue: r.string("kv_cache_precision")) ?? .bf16
        var tensorParallel: Int?
        var policy = TensorParallelPolicy.smallestThatFits
        if let n = r.child("tensor_parallel")?.number {
            tensorParallel = Int(n)
            r.record("tensor_parallel", NumberBounds.format(n), from: r.child("tensor_parallel"))
        } else if r.string("tensor_parallel") == "best" {
            policy = .mostThroughputPerDevice
        }
        let latency = r.object("latency")
        let efficiency = r.object("efficiency")
        let maxBatch = r.child("max_batch")?.number.map { Int($0) }
        if let n = maxBatch { r.record("max_batch", String(n), from: r.child("max_batch")) }
        let setup = ServingSetup(
            model: model, accelerator: device, weightPrecision: precision, kvCachePrecision: kv,
            tensorParallel: tensorParallel, tensorParallelPolicy: policy,
            request: RequestShape(meanOf: workload),
            latency: LatencyTarget(maxTimePerOutputTokenMs: latency.optionalDouble("max_time_per_output_token_ms"),
                                   maxTimeToFirstTokenMs: latency.optionalDouble("max_time_to_first_token_ms")),
            efficiency: EfficiencyOverrides(memoryBandwidthUtilization: efficiency.optionalDouble("memory_bandwidth_utilization"),
                                            computeUtilization: efficiency.optionalDouble("compute_utilization"),
                                            memoryReserveShare: efficiency.optionalDouble("memory_reserve_share")),
            maxBatch: maxBatch)
        do {
            let c = try ReplicaCapacity.estimate(for: setup)
            let how = "\(model.id) at \(precision.rawValue) on \(c.tensorParallel) × \(device.name), batch \(c.batch) (roofline capacity model)"
            for (key, value) in [("throughput.output_tokens_per_second", c.outputTokensPerSecond),
                                 ("throughput.input_tokens_per_second", c.inputTokensPerSecond)] {
                log.add(Assumption(path: r.settingPath(key), value: Money.trimmed(Money.fixed(value, decimals: 1)), source: .derived(how)))
            }
            log.add(Assumption(path: r.settingPath("efficiency.memory_bandwidth_utilization"),
                value: NumberBounds.format(c.efficiency.memoryBandwidthUtilization),
                source: efficiency.has("memory_bandwidth_utilization") ? .scenario : .measuredDefault(c.efficiency.memoryBandwidthSource)))
            log.add(Assumption(path: r.settingPath("efficiency.compute_utilization"),
                value: NumberBounds.format(c.efficiency.computeUtilization),
                source: efficiency.has("compute_utilization") ? .scenario : .measuredDefault(c.efficiency.computeSource)))
            log.add(Assumption(path: r.settingPath("efficiency.memory_reserve_share"),
                value: NumberBounds.format(c.efficiency.memoryReserveShare),
                source: efficiency.has("memory_reserve_share") ? .scenario : .measuredDefault(c.efficiency.memoryReserveSource)))
            return (c.throughput, DerivedCapacity(setup: setup, capacity: c))
        } catch {
            r.error("throughput", error.description)
            return (fallback, nil)
        }
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

    private func buildSelfHosted(_ r: ScenarioReader, _ context: OptionContext) -> (deployment: SelfHostedDeployment, capacity: DerivedCapacity?) {
        // The device: a catalog GPU or inline specs.
        var device: Accelerator?
        var gpuID: String?
        if let inline = r.child("gpu"), inline.members != nil {
            let g = r.object("gpu")
            let name = g.child("name")?.string ?? "inline GPU"
            let cls = g.child("class")?.string.flatMap(AcceleratorClass.init(rawValue:)) ?? AcceleratorClass(inferringFrom: name)
            device = Accelerator(id: "inline", name: name, acceleratorClass: cls, memoryGB: g.double("memory_gb"),
                                 bandwidthTBps: g.double("bandwidth_tbps"), bf16TFLOPS: g.double("bf16_tflops"),
                                 fp8TFLOPS: g.optionalDouble("fp8_tflops"), int8TOPS: g.optionalDouble("int8_tops"),
                                 int4TOPS: g.optionalDouble("int4_tops"))
        } else if let found = r.lookup("gpu", kind: "GPU", in: catalog.gpus.map(\.id), find: { catalog.gpu($0) }) {
            gpuID = found.id
            device = Accelerator(found.entry)
        }

        // The price of a GPU-hour: written, a named offer, or the cheapest offer under a commitment.
        var offer: GPUOffer?
        var reservationNode: ScenarioReader?
        let provider = r.optionalString("provider") // issue 14: only this provider's offers
        let from = provider.map { " from \"\($0)\"" } ?? ""
        if let found = r.lookup("gpu_offer", kind: "GPU offer", in: Array(Set(catalog.gpuOffers.map(\.id))).sorted(),
                                find: { catalog.gpuOffer($0, asOf: context.asOf) }) {
            offer = local(found.entry)
            if let provider, found.entry.provider != provider {
                r.error("provider", "gpu_offer \"\(found.id)\" is offered by \"\(found.entry.provider)\", not \"\(provider)\"")
            }
        } else if let node = r.child("commitment") {
            if let name = node.string, let commitment = GPUCommitment(rawValue: name) {
                r.record("commitment", node.quoted, from: node)
                if let gpuID {
                    offer = local(catalog.cheapestOffer(gpu: gpuID, commitment: commitment, asOf: context.asOf, provider: provider))
                    if offer == nil, !r.has("gpu_hourly") {
                        r.error(provider == nil ? "commitment" : "provider", "the catalog has no \(name) offer for \"\(gpuID)\"\(from) on \(context.asOf); give gpu_hourly"
                            + (provider == nil ? "" : " (offers for \"\(gpuID)\" come from \(catalog.providers(gpu: gpuID).joined(separator: ", ")))"))
                    }
                } else if !r.has("gpu_hourly") {
                    r.error("commitment", "a commitment picks a catalog offer, so it needs a catalog \"gpu\"")
                }
            } else if node.members != nil {
                reservationNode = r.object("commitment")
            }
        }
        if offer == nil, reservationNode != nil || !r.has("gpu_hourly"), !r.has("gpu_offer"), let gpuID {
            offer = local(catalog.cheapestOffer(gpu: gpuID, commitment: .onDemand, asOf: context.asOf, provider: provider))
            if offer == nil, provider != nil, !r.has("gpu_hourly") {
                r.error("provider", "the catalog has no on_demand offer for \"\(gpuID)\"\(from) on \(context.asOf); give gpu_hourly (offers for \"\(gpuID)\" come from \(catalog.providers(gpu: gpuID).joined(separator: ", ")))")
            }
        }
        if provider != nil, gpuID == nil {
            r.error("provider", "provider picks catalog offers, so it needs a catalog \"gpu\"")
        }
        if offer == nil, !r.has("gpu_hourly"), !r.has("gpu_offer"), !r.has("commitment") || reservationNode != nil {
            r.error(nil, "missing required key \"gpu_hourly\" (or a catalog \"gpu\" with offers, a \"gpu_offer\" or a \"commitment\")")
        }
        let offerRef = offer.map { CatalogReference(id: $0.id, effectiveFrom: $0.effectiveFrom, reference: $0.source) }
        let hourly = r.double("gpu_hourly", catalog: offer?.hourly, from: offerRef)

        var reservation: SelfHostedDeployment.Reservation?
        if let c = reservationNode {
            let term = c.int("term_months")
            var reservedOffer: GPUOffer?
            if let gpuID, !c.has("reserved_hourly") {
                reservedOffer = local(catalog.cheapestOffer(gpu: gpuID, commitment: term <= 12 ? .reserved1y : .reserved3y, asOf: context.asOf,
                                                            provider: provider))
                if reservedOffer == nil { c.error(nil, "the catalog has no reserved offer for \"\(gpuID)\"\(from); give reserved_hourly") }
            } else if !c.has("reserved_hourly") {
                c.error(nil, "missing key \"reserved_hourly\" (or a catalog \"gpu\" with reserved offers)")
            }
            let ref = reservedOffer.map { CatalogReference(id: $0.id, effectiveFrom: $0.effectiveFrom, reference: $0.source) }
            reservation = .init(replicas: c.int("reserved_replicas"), hourly: c.double("reserved_hourly", catalog: reservedOffer?.hourly, from: ref),
                                termMonths: term)
        }
        let spot = offer?.commitment == .spot
        let overhead: Double
        if r.has("interruption_overhead") {
            overhead = r.double("interruption_overhead")
        } else {
            overhead = spot ? 0.1 : 0
            r.record("interruption_overhead", spot ? "0.1 (spot price)" : "0", from: nil)
        }

        let derived = throughput(r, context, device: device, deviceKey: "gpu")
        let gpusPerReplica: Int
        if let c = derived.capacity?.capacity {
            // The replica is as many devices as the derived tensor-parallel degree.
            if r.has("gpus_per_replica") {
                let written = r.int("gpus_per_replica")
                if written != c.tensorParallel {
                    r.error("gpus_per_replica", "expected \(c.tensorParallel) (the tensor-parallel degree the derived throughput uses) or nothing, found \(written)")
                }
            } else {
                log.add(Assumption(path: r.settingPath("gpus_per_replica"), value: String(c.tensorParallel),
                                                  source: .derived("the tensor-parallel degree of the derived throughput")))
            }
            gpusPerReplica = c.tensorParallel
        } else {
            gpusPerReplica = r.int("gpus_per_replica")
        }
        let deployment = SelfHostedDeployment(
            gpuHourly: hourly, gpusPerReplica: gpusPerReplica,
            throughput: derived.throughput, maxUtilization: r.double("max_utilization"),
            minReplicas: r.int("min_replicas"), scaling: SelfHostedDeployment.Scaling(rawValue: r.string("scaling")) ?? .static,
            gpuPriceChangePerYear: r.double("gpu_price_change_per_year"), outputTokenMultiplier: r.double("output_token_multiplier"),
            overheads: buildOverheads(r), reservation: reservation, interruptionOverhead: overhead)
        return (deployment, derived.capacity)
    }

    private func buildOwned(_ r: ScenarioReader, _ context: OptionContext) -> (plan: OwnedHardwarePlan, capacity: DerivedCapacity?) {
        let seller = r.optionalString("provider") // issue 14: only this seller's price rows
        let machine = local(r.lookup("hardware", kind: "machine", in: Array(Set(catalog.hardware.map(\.id))).sorted(),
                                     find: { catalog.hardware($0, asOf: context.asOf, provider: seller) },
                                     undatedReason: { id in
                                         guard let seller, catalog.hardware(id, asOf: context.asOf) != nil else { return nil }
                                         return "the catalog has no price for machine \"\(id)\" from \"\(seller)\" on \(context.asOf) (its prices come from \(catalog.providers(hardware: id).joined(separator: ", ")))"
                                     })?.entry)
        let ref = machine.map { CatalogReference(id: $0.id, effectiveFrom: $0.effectiveFrom, reference: $0.source) }
        if machine == nil, !r.has("hardware"), !r.has("purchase_price") {
            r.error(nil, "missing required key \"purchase_price\" (or a catalog \"hardware\")")
        }
        var units = OwnedHardwarePlan.Units.auto
        if let n = r.child("units")?.number {
            units = .fixed(Int(n))
            r.record("units", NumberBounds.format(n), from: r.child("units"))
        } else {
            _ = r.string("units")
        }
        let derived = throughput(r, context, device: machine.map { Accelerator($0) }, deviceKey: "hardware")
        if r.has("hours_on_per_month"), r.has("hours_on_per_day") {
            r.error("hours_on_per_month", "\"hours_on_per_month\" cannot be given together with \"hours_on_per_day\"")
        }
        var plan = OwnedHardwarePlan(
            purchasePrice: r.double("purchase_price", catalog: machine?.price, from: ref), units: units,
            throughput: derived.throughput,
            maxUtilization: r.double("max_utilization"), hoursOnPerDay: r.has("hours_on_per_month") ? 24 : r.double("hours_on_per_day"),
            wattsBusy: r.double("watts_busy", catalog: machine?.wattsBusy, from: ref),
            wattsIdle: r.double("watts_idle", catalog: machine?.wattsIdle, from: ref),
            electricityPerKWh: r.double("electricity_per_kwh"),
            lifetimeMonths: r.int("lifetime_months"), resaleShare: r.double("resale_share"),
            accounting: OwnedHardwarePlan.Accounting(rawValue: r.string("accounting")) ?? .cash,
            hardwarePriceChangePerYear: r.double("hardware_price_change_per_year"),
            outputTokenMultiplier: r.double("output_token_multiplier"), overheads: buildOverheads(r))
        plan.hoursOnPerMonth = r.optionalDouble("hours_on_per_month")
        return (plan, derived.capacity)
    }

    private func buildSubscription(_ r: ScenarioReader, _ context: OptionContext, allIDs: [String], optionNodes: [JSONNode]) -> SubscriptionTerms {
        let plan = local(r.lookup("plan", kind: "plan", in: Array(Set(catalog.plans.map(\.id))).sorted(),
                                  find: { catalog.plan($0, asOf: context.asOf) })?.entry)
        let ref = plan.map { CatalogReference(id: $0.id, effectiveFrom: $0.effectiveFrom, reference: $0.source) }
        if plan == nil, !r.has("plan"), !r.has("monthly_fee") {
            r.error(nil, "missing required key \"monthly_fee\" (or a catalog \"plan\")")
        }
        let included = r.object("included")
        var includedRequests: Double?
        if included.isPresent {
            includedRequests = included.double("requests_per_month")
        } else if let limit = plan?.includedRequestsPerMonth, let ref {
            includedRequests = limit
            log.add(Assumption(path: r.settingPath("included.requests_per_month"), value: NumberBounds.format(limit), source: ref.source))
        } else {
            r.record("included", plan.map { "unlimited (\($0.includes))" } ?? "unlimited", from: nil)
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
        return SubscriptionTerms(monthlyFee: r.double("monthly_fee", catalog: plan?.monthlyFee, from: ref), seats: r.int("seats"), includedRequestsPerMonth: includedRequests,
                                 overflowOptionID: overflow, priceChangePerYear: r.double("price_change_per_year"))
    }
}

extension Shape {
    var objectShape: ObjectShape? {
        if case .object(let s) = self { return s }
        return nil
    }
}

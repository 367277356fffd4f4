/// Writes one input's value straight into a built `Scenario`, so a trial need not rebuild the
/// scenario from its document. Only where the value lands in one place (or a few, by the
/// builder's own rule): `ScenarioVariants` checks every setter against a real rebuild before
/// it trusts it, and rebuilds from the document for any input without one.
struct InputSetter: Sendable {
    /// The value feeds the capacity model (a derivation key, or the workload's request shape):
    /// derived throughputs are worked out again once every setter has run.
    var rederives = false
    let apply: @Sendable (inout Scenario, Double) -> Void

    /// The setter for a path, or nil where the value feeds something this does not redo (catalog
    /// prices) or the path is not one this knows.
    static func make(_ path: String, scenario: Scenario, document: JSONNode) -> InputSetter? {
        if path == "discount_rate" { return InputSetter { $0.discountRate = $1 } }
        if path.hasPrefix("workload.") { return workload(String(path.dropFirst("workload.".count)), scenario) }
        guard path.hasPrefix("options.") else { return nil }
        let rest = path.dropFirst("options.".count)
        // Option ids may hold dots: the longest id the path starts with.
        let matches = scenario.options.indices.filter { rest.hasPrefix(scenario.options[$0].id + ".") }
        guard let k = matches.max(by: { scenario.options[$0].id.count < scenario.options[$1].id.count }) else { return nil }
        let key = String(rest.dropFirst(scenario.options[k].id.count + 1))
        let node = document["options"]?.elements?.first { $0["id"]?.string == scenario.options[k].id }
        switch scenario.options[k].kind {
        case .api: return api(key, k, node)
        case .selfHosted: return derivation(key, k, scenario, node) ?? selfHosted(key, k)
        case .ownedHardware: return derivation(key, k, scenario, node) ?? owned(key, k)
        case .subscription: return subscription(key, k)
        case .switchover, .mix: return nil  // rebuilt from the document
        }
    }

    // MARK: Workload

    private static func workload(_ key: String, _ scenario: Scenario) -> InputSetter? {
        // Request sizes and shares shape the mean request a derived throughput is sized for.
        func eachClass(_ set: @escaping @Sendable (inout RequestClass, Double) -> Void) -> InputSetter? {
            guard scenario.workload.classes.count == 1 else { return nil }
            return InputSetter(rederives: true) { s, v in set(&s.workload.classes[0], v) }
        }
        switch key {
        case "requests_per_month": return InputSetter { $0.workload.volume = .perMonth($1) }
        case "requests_per_day": return InputSetter { $0.workload.volume = .perDay($1) }
        case "input_tokens_per_request": return eachClass { $0.inputTokens = $1 }
        case "output_tokens_per_request": return eachClass { $0.outputTokens = $1 }
        case "cached_input_share": return eachClass { $0.cachedInputShare = $1 }
        case "batch_share": return InputSetter { $0.workload.batchShare = $1 }
        case "growth.monthly_rate": return InputSetter { $0.workload.growth = .monthlyRate($1) }
        case "growth.annual_rate": return InputSetter { $0.workload.growth = .annualRate($1) }
        case "growth.logistic.ceiling":
            return InputSetter { s, v in
                if case .logistic(_, let k) = s.workload.growth { s.workload.growth = .logistic(ceiling: v, steepness: k) }
            }
        case "growth.logistic.steepness":
            return InputSetter { s, v in
                if case .logistic(let c, _) = s.workload.growth { s.workload.growth = .logistic(ceiling: c, steepness: v) }
            }
        case "load_shape.peak_to_average": return InputSetter { $0.workload.loadShape = .peakToAverage($1) }
        default: break
        }
        // request_classes.NAME.KEY (names may hold dots: the key is the last segment).
        guard key.hasPrefix("request_classes."), let dot = key.lastIndex(of: ".") else { return nil }
        let name = String(key[key.index(key.startIndex, offsetBy: "request_classes.".count)..<dot])
        let field = String(key[key.index(after: dot)...])
        guard let c = scenario.workload.classes.firstIndex(where: { $0.name == name }) else { return nil }
        switch field {
        case "share": return InputSetter(rederives: true) { $0.workload.classes[c].share = $1 }
        case "input_tokens_per_request": return InputSetter(rederives: true) { $0.workload.classes[c].inputTokens = $1 }
        case "output_tokens_per_request": return InputSetter(rederives: true) { $0.workload.classes[c].outputTokens = $1 }
        case "cached_input_share": return InputSetter(rederives: true) { $0.workload.classes[c].cachedInputShare = $1 }
        default: return nil
        }
    }

    // MARK: Options

    /// Keys every option with overheads shares: team, one-time and fixed monthly amounts.
    private static func overheads(_ key: String, _ modify: @escaping @Sendable (inout Scenario, (inout Overheads) -> Void) -> Void) -> InputSetter? {
        switch key {
        case "team.engineers": return InputSetter { s, v in modify(&s) { $0.engineers = v } }
        case "team.cost_per_engineer_per_year": return InputSetter { s, v in modify(&s) { $0.costPerEngineerPerYear = v } }
        default: break
        }
        if key.hasPrefix("one_time.") {
            let name = String(key.dropFirst("one_time.".count))
            return InputSetter { s, v in modify(&s) { $0.oneTime[name] = v } }
        }
        if key.hasPrefix("monthly_fixed.") {
            let name = String(key.dropFirst("monthly_fixed.".count))
            return InputSetter { s, v in modify(&s) { $0.monthlyFixed[name] = v } }
        }
        return nil
    }

    private static func api(_ key: String, _ k: Int, _ node: JSONNode?) -> InputSetter? {
        func with(_ set: @escaping @Sendable (inout APIPricing, Double) -> Void) -> InputSetter {
            InputSetter { s, v in
                guard case .api(var p) = s.options[k].kind else { return }
                set(&p, v)
                s.options[k].kind = .api(p)
            }
        }
        switch key {
        case "price_change_per_year": return with { $0.priceChangePerYear = $1 }
        case "output_token_multiplier": return with { $0.outputTokenMultiplier = $1 }
        case "discount": return with { $0.discount = $1 }
        case "minimum_monthly": return with { $0.minimumMonthly = $1 }
        case "prices.per_request": return with { $0.perRequest = $1 }
        default: break
        }
        if let setter = overheads(key, { s, change in
            guard case .api(var p) = s.options[k].kind else { return }
            change(&p.overheads)
            s.options[k].kind = .api(p)
        }) { return setter }
        // Inline base prices, as the builder turns them into the base tier: batch prices are the
        // standard ones × (1 − batch_discount); an unwritten cached price follows the input price.
        // A catalog model brings its own batch prices and time-of-day windows: no setter.
        guard let node, node["model"] == nil else { return nil }
        let prices = node["prices"]
        let factor = 1 - (prices?["batch_discount"]?.number ?? 0)
        let cachedFollowsInput = prices?["cached_input_per_mtok"] == nil
        switch key {
        case "prices.input_per_mtok":
            return with { p, v in
                p.tiers[0].standard.input = v
                if cachedFollowsInput { p.tiers[0].standard.cachedInput = v }
                p.tiers[0].batch = p.tiers[0].standard.scaled(by: factor)
            }
        case "prices.output_per_mtok":
            return with { p, v in
                p.tiers[0].standard.output = v
                p.tiers[0].batch = p.tiers[0].standard.scaled(by: factor)
            }
        case "prices.cached_input_per_mtok":
            return with { p, v in
                p.tiers[0].standard.cachedInput = v
                p.tiers[0].batch = p.tiers[0].standard.scaled(by: factor)
            }
        case "prices.batch_discount":
            return with { p, v in
                for t in p.tiers.indices { p.tiers[t].batch = p.tiers[t].standard.scaled(by: 1 - v) }
            }
        default: return nil
        }
    }

    /// Keys of a derived throughput (`throughput: "derived"`): they change the setup the capacity
    /// model works from, and the option is derived again.
    private static func derivation(_ key: String, _ k: Int, _ scenario: Scenario, _ node: JSONNode?) -> InputSetter? {
        guard scenario.options[k].derivedFrom != nil else { return nil }
        func with(_ set: @escaping @Sendable (inout ServingSetup, Double) -> Void) -> InputSetter {
            InputSetter(rederives: true) { s, v in
                guard var setup = s.options[k].derivedFrom else { return }
                set(&setup, v)
                s.options[k].derivedFrom = setup
            }
        }
        switch key {
        case "efficiency.memory_bandwidth_utilization": return with { $0.efficiency.memoryBandwidthUtilization = $1 }
        case "efficiency.compute_utilization": return with { $0.efficiency.computeUtilization = $1 }
        case "efficiency.memory_reserve_share": return with { $0.efficiency.memoryReserveShare = $1 }
        case "efficiency.step_overhead_ms": return with { $0.efficiency.stepOverheadMs = $1 }
        case "max_concurrency": return with { $0.maxConcurrency = Int($1) }
        case "gpu.fp4_tflops": return with { $0.accelerator.fp4TFLOPS = $1 }
        case "latency.max_time_per_output_token_ms": return with { $0.latency.maxTimePerOutputTokenMs = $1 }
        case "latency.max_time_to_first_token_ms": return with { $0.latency.maxTimeToFirstTokenMs = $1 }
        case "max_batch": return with { $0.maxBatch = Int($1) }
        case "tensor_parallel": return with { $0.tensorParallel = Int($1) }
        // A device written out in the scenario.
        case "gpu.memory_gb": return with { $0.accelerator.memoryGB = $1 }
        case "gpu.bandwidth_tbps": return with { $0.accelerator.bandwidthTBps = $1 }
        case "gpu.bf16_tflops": return with { $0.accelerator.bf16TFLOPS = $1 }
        case "gpu.fp8_tflops": return with { $0.accelerator.fp8TFLOPS = $1 }
        case "gpu.int8_tops": return with { $0.accelerator.int8TOPS = $1 }
        case "gpu.int4_tops": return with { $0.accelerator.int4TOPS = $1 }
        // A model written out in the scenario: active parameters default to all of them.
        case "model.total_parameters":
            let activeFollows = node?["model"]?["active_parameters"] == nil
            return with { setup, v in
                setup.model.totalParameters = v
                if activeFollows { setup.model.activeParameters = v }
            }
        case "model.active_parameters": return with { $0.model.activeParameters = $1 }
        default: return nil
        }
    }

    private static func selfHosted(_ key: String, _ k: Int) -> InputSetter? {
        func with(_ set: @escaping @Sendable (inout SelfHostedDeployment, Double) -> Void) -> InputSetter {
            InputSetter { s, v in
                guard case .selfHosted(var d) = s.options[k].kind else { return }
                set(&d, v)
                s.options[k].kind = .selfHosted(d)
            }
        }
        switch key {
        case "gpu_hourly": return with { $0.gpuHourly = $1 }
        case "gpus_per_replica": return with { $0.gpusPerReplica = Int($1) }
        case "throughput.output_tokens_per_second": return with { $0.throughput.outputTokensPerSecond = $1 }
        case "throughput.input_tokens_per_second": return with { $0.throughput.inputTokensPerSecond = $1 }
        case "max_utilization": return with { $0.maxUtilization = $1 }
        case "min_replicas": return with { $0.minReplicas = Int($1) }
        case "gpu_price_change_per_year": return with { $0.gpuPriceChangePerYear = $1 }
        case "output_token_multiplier": return with { $0.outputTokenMultiplier = $1 }
        case "interruption_overhead": return with { $0.interruptionOverhead = $1 }
        case "commitment.reserved_replicas": return with { $0.reservation?.replicas = Int($1) }
        case "commitment.reserved_hourly": return with { $0.reservation?.hourly = $1 }
        case "commitment.term_months": return with { $0.reservation?.termMonths = Int($1) }
        default:
            return overheads(key) { s, change in
                guard case .selfHosted(var d) = s.options[k].kind else { return }
                change(&d.overheads)
                s.options[k].kind = .selfHosted(d)
            }
        }
    }

    private static func owned(_ key: String, _ k: Int) -> InputSetter? {
        func with(_ set: @escaping @Sendable (inout OwnedHardwarePlan, Double) -> Void) -> InputSetter {
            InputSetter { s, v in
                guard case .ownedHardware(var p) = s.options[k].kind else { return }
                set(&p, v)
                s.options[k].kind = .ownedHardware(p)
            }
        }
        switch key {
        case "purchase_price": return with { $0.purchasePrice = $1 }
        case "units": return with { $0.units = .fixed(Int($1)) }
        case "throughput.output_tokens_per_second": return with { $0.throughput.outputTokensPerSecond = $1 }
        case "throughput.input_tokens_per_second": return with { $0.throughput.inputTokensPerSecond = $1 }
        case "max_utilization": return with { $0.maxUtilization = $1 }
        case "hours_on_per_day": return with { $0.hoursOnPerDay = $1 }
        case "watts_busy": return with { $0.wattsBusy = $1 }
        case "watts_idle": return with { $0.wattsIdle = $1 }
        case "electricity_per_kwh": return with { $0.electricityPerKWh = $1 }
        case "lifetime_months": return with { $0.lifetimeMonths = Int($1) }
        case "resale_share": return with { $0.resaleShare = $1 }
        case "hardware_price_change_per_year": return with { $0.hardwarePriceChangePerYear = $1 }
        case "output_token_multiplier": return with { $0.outputTokenMultiplier = $1 }
        default:
            return overheads(key) { s, change in
                guard case .ownedHardware(var p) = s.options[k].kind else { return }
                change(&p.overheads)
                s.options[k].kind = .ownedHardware(p)
            }
        }
    }

    private static func subscription(_ key: String, _ k: Int) -> InputSetter? {
        func with(_ set: @escaping @Sendable (inout SubscriptionTerms, Double) -> Void) -> InputSetter {
            InputSetter { s, v in
                guard case .subscription(var t) = s.options[k].kind else { return }
                set(&t, v)
                s.options[k].kind = .subscription(t)
            }
        }
        switch key {
        case "monthly_fee": return with { $0.monthlyFee = $1 }
        case "seats": return with { $0.seats = Int($1) }
        case "included.requests_per_month": return with { $0.includedRequestsPerMonth = $1 }
        case "price_change_per_year": return with { $0.priceChangePerYear = $1 }
        default: return nil
        }
    }
}

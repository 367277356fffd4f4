extension ScenarioBuilder {
    /// Keys of a derived throughput: an error next to a throughput given by hand.
    static let derivationKeys = ["model", "precision", "kv_cache_precision", "tensor_parallel", "layout", "latency", "efficiency",
                                 "max_batch", "engine", "max_concurrency", "calibration"]

    /// Given throughput, or derived from the model on the device by the capacity model.
    func throughput(_ r: ScenarioReader, _ context: OptionContext, device: Accelerator?, deviceKey: String, deviceID: String?)
        -> (throughput: Throughput, capacity: DerivedCapacity?)
    {
        guard r.child("throughput")?.string == "derived" else {
            for key in Self.derivationKeys where r.has(key) {
                r.error(key, "\"\(key)\" is used only when throughput is \"derived\"")
            }
            return (buildThroughput(r.object("throughput")), nil)
        }
        r.record("throughput", "\"derived\"", from: r.child("throughput"))
        let fallback = Throughput(outputTokensPerSecond: 1, inputTokensPerSecond: 1)
        let model = derivedModel(r)
        if device == nil, !r.has(deviceKey) {
            r.error(nil, "missing key \"\(deviceKey)\", needed when throughput is \"derived\"")
        }
        guard let model, let device, let workload = context.workload else { return (fallback, nil) }

        // Weights default to the format the model is published in.
        let precision: Precision
        if r.has("precision") {
            guard let written = Precision(rawValue: r.string("precision")) else { return (fallback, nil) }
            precision = written
        } else {
            precision = model.nativePrecision ?? .bf16
            log.add(Assumption(path: r.settingPath("precision"), value: "\"\(precision.rawValue)\"",
                               source: .derived("the native precision of \(model.id)")))
        }
        let kv = Precision(rawValue: r.string("kv_cache_precision")) ?? .bf16
        var tensorParallel: Int?
        var policy = TensorParallelPolicy.mostThroughputPerDevice
        if let n = r.child("tensor_parallel")?.number {
            tensorParallel = n.isFinite && n >= 1 && n <= 8 ? Int(n) : nil
            r.record("tensor_parallel", NumberBounds.format(n), from: r.child("tensor_parallel"))
        } else if r.string("tensor_parallel") == "smallest" {
            policy = .smallestThatFits
        }
        let layout = LayoutChoice(rawValue: r.string("layout")) ?? .auto
        let engine = ServingEngine(rawValue: r.optionalString("engine") ?? "")
        let latency = r.object("latency")
        let efficiency = r.object("efficiency")
        var maxBatch = Self.count(r.child("max_batch"))
        if let n = maxBatch {
            r.record("max_batch", String(n), from: r.child("max_batch"))
        } else if context.profile == .personal, deviceKey == "hardware" {
            maxBatch = 1
            log.add(Assumption(path: r.settingPath("max_batch"), value: "1",
                               source: .derived("personal profile: one person sends one request at a time")))
        }
        let maxConcurrency = Self.count(r.child("max_concurrency"))
        var setup = ServingSetup(
            model: model, accelerator: device, weightPrecision: precision, kvCachePrecision: kv,
            tensorParallel: tensorParallel, tensorParallelPolicy: policy, layoutChoice: layout,
            request: RequestShape(meanOf: workload),
            latency: LatencyTarget(maxTimePerOutputTokenMs: latency.optionalDouble("max_time_per_output_token_ms"),
                                   maxTimeToFirstTokenMs: latency.optionalDouble("max_time_to_first_token_ms")),
            maxBatch: maxBatch, engine: engine, maxConcurrency: maxConcurrency)
        if engine == nil {
            log.add(Assumption(path: r.settingPath("engine"), value: "\"\(setup.servingEngine.rawValue)\"",
                               source: .derived("the engine assumed on \(device.acceleratorClass.rawValue) devices")))
        }
        if maxConcurrency == nil {
            log.add(Assumption(path: r.settingPath("max_concurrency"),
                               value: setup.servingEngine.defaultMaxConcurrency.map(String.init) ?? "none (memory decides)",
                               source: .measuredDefault(setup.servingEngine.concurrencySource)))
        } else {
            r.record("max_concurrency", String(maxConcurrency ?? 0), from: r.child("max_concurrency"))
        }

        // A calibration by name, or the one fitted for this device, model and engine; values written
        // under `efficiency` still win.
        let calibration = derivedCalibration(r, deviceID: deviceID, model: model, engine: setup.servingEngine)
        let base = calibration?.overrides ?? .none
        setup.efficiency = EfficiencyOverrides(
            memoryBandwidthUtilization: efficiency.optionalDouble("memory_bandwidth_utilization") ?? base.memoryBandwidthUtilization,
            computeUtilization: efficiency.optionalDouble("compute_utilization") ?? base.computeUtilization,
            memoryReserveShare: efficiency.optionalDouble("memory_reserve_share"),
            stepOverheadMs: efficiency.optionalDouble("step_overhead_ms") ?? base.stepOverheadMs)
        do {
            var c = try ReplicaCapacity.estimate(for: setup)
            c.calibration = calibration
            recordDerivation(r, c, model: model, precision: precision, device: device, efficiency: efficiency, calibration: calibration)
            return (c.throughput, DerivedCapacity(setup: setup, capacity: c))
        } catch {
            r.error("throughput", error.description)
            return (fallback, nil)
        }
    }

    /// A whole number of a count key; nil when absent or not a count (the checker reports those).
    private static func count(_ node: JSONNode?) -> Int? {
        guard let n = node?.number, n.isFinite, n >= 1, n <= 1e9 else { return nil }
        return Int(n)
    }

    private func derivedModel(_ r: ScenarioReader) -> OpenModelArchitecture? {
        if let inline = r.child("model"), inline.members != nil {
            let m = r.object("model")
            let total = m.double("total_parameters")
            let context = m.optionalDouble("context_length") ?? 131_072
            return OpenModelArchitecture(
                id: "inline", name: "inline model", totalParameters: total,
                activeParameters: m.optionalDouble("active_parameters") ?? total, layers: m.int("layers"),
                hiddenSize: m.int("hidden_size"), attentionHeads: m.int("attention_heads"), kvHeads: m.int("kv_heads"),
                headDimension: m.int("head_dimension"), latentKVValues: Self.count(m.child("latent_kv_values")),
                experts: Self.count(m.child("experts")), expertsPerToken: Self.count(m.child("experts_per_token")),
                contextLength: context.isFinite && context >= 1 && context <= 1e9 ? Int(context) : 131_072,
                license: "", source: "scenario")
        }
        if r.has("model") {
            return r.lookup("model", kind: "open model", in: catalog.openModels.map(\.id), find: { catalog.openModel($0) })?.entry
        }
        r.error(nil, "missing key \"model\", needed when throughput is \"derived\"")
        return nil
    }

    private func derivedCalibration(_ r: ScenarioReader, deviceID: String?, model: OpenModelArchitecture,
                                    engine: ServingEngine) -> Calibration? {
        if let name = r.optionalString("calibration") {
            let names = (catalog.calibrations ?? []).map(\.name)
            guard let found = catalog.calibration(name) else {
                r.error("calibration", "unknown calibration \"\(name)\"" + Suggestion.clause(for: name, in: names)
                        + (names.isEmpty ? " (the catalog has none: make one with `breakeven capacity calibrate`)" : ""))
                return nil
            }
            return found
        }
        guard let deviceID else { return nil }
        return catalog.calibration(gpu: deviceID, model: model.id, engine: engine)
    }

    /// The derived rates and every efficiency behind them, each with its source.
    private func recordDerivation(_ r: ScenarioReader, _ c: ReplicaCapacity, model: OpenModelArchitecture, precision: Precision,
                                  device: Accelerator, efficiency: ScenarioReader, calibration: Calibration?) {
        let how = "\(model.id) at \(precision.rawValue) on \(c.tensorParallel) × \(device.name) (\(c.layout)), batch \(c.batch) (roofline capacity model)"
        for (key, value) in [("throughput.output_tokens_per_second", c.outputTokensPerSecond),
                             ("throughput.input_tokens_per_second", c.inputTokensPerSecond)] {
            log.add(Assumption(path: r.settingPath(key), value: Money.trimmed(Money.fixed(value, decimals: 1)), source: .derived(how)))
        }
        func source(_ key: String, calibrated: Bool, _ text: String) -> Assumption.Source {
            if efficiency.has(key) { return .scenario }
            if calibrated, let calibration { return .derived(calibration.summary) }
            return .measuredDefault(text)
        }
        let e = c.efficiency
        log.add(Assumption(path: r.settingPath("efficiency.memory_bandwidth_utilization"), value: NumberBounds.format(e.memoryBandwidthUtilization),
                           source: source("memory_bandwidth_utilization", calibrated: true, e.memoryBandwidthSource)))
        log.add(Assumption(path: r.settingPath("efficiency.compute_utilization"), value: NumberBounds.format(e.computeUtilization),
                           source: source("compute_utilization", calibrated: true, e.computeSource)))
        log.add(Assumption(path: r.settingPath("efficiency.memory_reserve_share"), value: NumberBounds.format(e.memoryReserveShare),
                           source: source("memory_reserve_share", calibrated: false, e.memoryReserveSource)))
        log.add(Assumption(path: r.settingPath("efficiency.step_overhead_ms"), value: NumberBounds.format(e.stepOverheadSeconds * 1000),
                           source: source("step_overhead_ms", calibrated: true, e.stepOverheadSource)))
    }
}

/// The keys of a throughput given or derived, shared by `self_hosted` and `owned_hardware`.
enum DerivationKeys {
    static let precisions = Precision.allCases.map(\.rawValue)

    static let givenOutput = NumberKey<GivenThroughput, Double>("output_tokens_per_second", \.outputTokensPerSecond,
                                                                .atLeast(1e-3, atMost: 1e7), required: true, KeyDoc(
        "Output throughput per replica", .quantity("output tokens/s"),
        "Output tokens per second one replica (or unit) generates in aggregate at its operating batch."))
    static let givenInput = NumberKey<GivenThroughput, Double>("input_tokens_per_second", \.inputTokensPerSecond,
                                                               .atLeast(1e-3, atMost: 1e8), required: true, KeyDoc(
        "Prefill throughput per replica", .quantity("input tokens/s"), "Prompt tokens per second one replica (or unit) prefills."))
    static let given = ObjectKey<DerivationSettings, GivenThroughput>("throughput", \.given, [givenOutput.key, givenInput.key], KeyDoc(
        "Throughput", .text, "Per-replica throughput at its operating batch."))

    static let latencyKeys: [Key<LatencySettings>] = [
        NumberKey("max_time_per_output_token_ms", \LatencySettings.maxTimePerOutputTokenMs, .atLeast(1e-3, atMost: 1e6), KeyDoc(
            "Latency target between tokens", .quantity("ms"), "Longest time between two output tokens.")).key,
        NumberKey("max_time_to_first_token_ms", \LatencySettings.maxTimeToFirstTokenMs, .atLeast(1e-3, atMost: 1e7), KeyDoc(
            "Latency target to the first token", .quantity("ms"), "Longest wait for the first token.")).key,
    ]

    /// The calibration's fitted value where there is one, else the measured default for the device class.
    private static func measured(_ pick: @escaping @Sendable (ServingEfficiency) -> (Double, String),
                                 calibrated: (@Sendable (Calibration) -> Double)? = nil) -> NumberKey<EfficiencySettings, Double>.Fallback {
        .measured("the calibration's, else the measured default for the device class", { e in
            if let calibrated, let c = e.calibration { return (calibrated(c), c.summary) }
            return e.defaults.map(pick)
        })
    }

    static let efficiencyKeys: [Key<EfficiencySettings>] = [
        NumberKey("memory_bandwidth_utilization", \EfficiencySettings.memoryBandwidthUtilization, SpecBounds.utilization,
                  default: measured({ ($0.memoryBandwidthUtilization, $0.memoryBandwidthSource.text) }, calibrated: { $0.memoryBandwidthUtilization }), KeyDoc(
            "Memory-bandwidth utilization", .share, "Achieved over datasheet bandwidth in decode.")).key,
        NumberKey("compute_utilization", \EfficiencySettings.computeUtilization, SpecBounds.utilization,
                  default: measured({ ($0.computeUtilization, $0.computeSource.text) }, calibrated: { $0.computeUtilization }), KeyDoc(
            "Compute utilization", .share, "Achieved over dense peak FLOPS.")).key,
        NumberKey("memory_reserve_share", \EfficiencySettings.memoryReserveShare, .atLeast(0, atMost: 0.9),
                  default: measured { ($0.memoryReserveShare, $0.memoryReserveSource.text) }, KeyDoc(
            "Memory reserve", .share, "Memory kept for activations and the runtime.")).key,
        NumberKey("step_overhead_ms", \EfficiencySettings.stepOverheadMs, .atLeast(0, atMost: 1000),
                  default: measured({ ($0.stepOverheadSeconds * 1000, $0.stepOverheadSource.text) }, calibrated: { $0.stepOverheadMs }), KeyDoc(
            "Step overhead", .quantity("ms"), "Host-side time per step the engine does not hide (scheduling, launches).")).key,
        throughputScale.key,
    ]

    /// A factor on the derived rates: a haircut written by hand, or, with uncertainty on, the input
    /// a calibration's residual error spreads (`UncertaintyReader.calibrationInputs`).
    static let throughputScale = NumberKey<EfficiencySettings, Double>(
        "throughput_scale", \EfficiencySettings.throughputScale, .atLeast(0.05, atMost: 20), default: .value(1), KeyDoc(
            "Throughput scale", .plain,
            "Multiplies the derived output and prefill rates (0.8: a fifth slower than the model predicts). With an uncertainty block, a calibration's residual error becomes a lognormal spread of it around 1."))

    static let architectureKeys: [Key<ArchitectureSettings>] = [
        NumberKey("total_parameters", \ArchitectureSettings.totalParameters, SpecBounds.parameters, required: true, KeyDoc(
            "Parameters", .count("parameters"), "All parameters (every expert).")).key,
        NumberKey("active_parameters", \ArchitectureSettings.activeParameters, SpecBounds.parameters, KeyDoc(
            "Active parameters", .count("parameters"), "Parameters used per token (default: all); at most total_parameters.")).key,
        NumberKey("layers", \ArchitectureSettings.layers, SpecBounds.layers, required: true, KeyDoc(
            "Layers", .count("layers"), "Transformer layers.")).key,
        NumberKey("hidden_size", \ArchitectureSettings.hiddenSize, SpecBounds.hiddenSize, required: true, KeyDoc(
            "Hidden size", .plain, "Model width.")).key,
        NumberKey("attention_heads", \ArchitectureSettings.attentionHeads, SpecBounds.heads, required: true, KeyDoc(
            "Attention heads", .count("heads"), "Query heads.")).key,
        NumberKey("kv_heads", \ArchitectureSettings.kvHeads, SpecBounds.heads, required: true, KeyDoc(
            "Key/value heads", .count("heads"), "Key/value heads (grouped-query attention); at most attention_heads.")).key,
        NumberKey("head_dimension", \ArchitectureSettings.headDimension, SpecBounds.heads, required: true, KeyDoc(
            "Head dimension", .plain, "Dimension of one head.")).key,
        NumberKey("latent_kv_values", \ArchitectureSettings.latentKVValues, SpecBounds.latentKVValues, KeyDoc(
            "Latent KV values", .plain,
            "Multi-head latent attention: values cached per layer and token, kv_lora_rank + qk_rope_head_dim (576 for DeepSeek-V3); omit for grouped-query attention.")).key,
        NumberKey("context_length", \ArchitectureSettings.contextLength, SpecBounds.contextLength, KeyDoc(
            "Context length", .count("tokens"), "Longest context the model takes.")).key,
        NumberKey("experts", \ArchitectureSettings.experts, SpecBounds.experts, KeyDoc(
            "Experts", .count("experts"), "Mixture of experts: routed experts per MoE layer (num_experts, n_routed_experts).")).key,
        NumberKey("experts_per_token", \ArchitectureSettings.expertsPerToken, SpecBounds.experts, KeyDoc(
            "Experts per token", .count("experts"), "Mixture of experts: experts each token uses (num_experts_per_tok); at most experts.")).key,
        ChoiceKey("native_precision", \ArchitectureSettings.nativePrecision, default: .bf16, KeyDoc(
            "Native precision", .text,
            "The format the weights are published in (config.json's torch_dtype, or its quantization_config): the default `precision`.")).key,
    ]

    static let architecture = ObjectKey<DerivationSettings, ArchitectureSettings>(
        "model", \.inlineModel.value, architectureKeys, KeyDoc("Model", .text, "An open model's architecture, as its config.json gives it."))

    static let throughput = Key<DerivationSettings>(
        field: Field("throughput", .anyOf([.object(given.objectShape), .string(.oneOf(["derived"]))]), required: true,
                     "Per-replica throughput at its operating batch, or \"derived\" from `model`, the device and `precision`."),
        doc: KeyDoc("Throughput", .text, "Per-replica throughput at its operating batch."),
        read: { s, r in
            if r.child("throughput")?.string == "derived" { s.derived = true } else { given.key.read(&s, r) }
        },
        record: { s, r, c in
            if s.derived, let node = r.child("throughput") { r.assume("throughput", node.quoted, KeyReader.source(of: node)) } else { given.key.record(s, r, c) }
        },
        input: { rest, s in s.derived ? nil : given.key.input(rest, s) })

    static let model: Key<DerivationSettings> = {
        let id = TextKey<DerivationSettings>("model", \.modelID, recorded: false, KeyDoc("Model", .text, ""))
        return Key(
            field: Field("model", .anyOf([.string(.text), .object(architecture.objectShape)]),
                         "A catalog open model (llama-3.3-70b) or an inline architecture; used when throughput is \"derived\"."),
            doc: KeyDoc("Model", .text, "The open model served."),
            read: Presence.wordOrObject("model", word: id.key, object: architecture.key, at: \.inlineModel),
            record: { s, r, c in
                guard s.derived, let node = r.child("model") else { return }
                if node.members != nil { architecture.key.record(s, r, c) } else { r.assume("model", node.quoted, KeyReader.source(of: node)) }
            },
            input: Presence.inputs(of: architecture.key, at: \.inlineModel))
    }()

    static let tensorParallelDoc = KeyDoc("Tensor-parallel degree", .count("devices"),
                                          "Devices per replica: 1, 2, 4 or 8; \"best\": the layout with the lowest cost per token that meets the latency targets (the most output per device); \"smallest\" that holds the model.")
    static let tensorParallel = Key<DerivationSettings>(
        field: Field("tensor_parallel", .anyOf([.integer(min: 1, max: 8), .string(.oneOf(TensorParallelWord.allCases.map(\.rawValue)))]),
                     default: "\"best\"", tensorParallelDoc.text),
        doc: tensorParallelDoc,
        read: { s, r in
            if let n = r.child("tensor_parallel")?.number { s.tensorParallel = Int(keyValue: n) }
            if let word = r.child("tensor_parallel")?.string { s.tensorParallelPolicy = TensorParallelWord(rawValue: word) }
        },
        record: { s, r, _ in if s.derived { r.assumeWritten("tensor_parallel", default: "\"best\"") } },
        input: { rest, s in
            guard rest.isEmpty, s.tensorParallel != nil else { return nil }
            return SettingInput(range: InputRange(integersFrom: 1, to: 8), doc: tensorParallelDoc, get: { s, _ in s.tensorParallel.map(Double.init) },
                                set: { s, v in s.tensorParallel = Int(keyValue: v.rounded()) })
        })

    static let efficiency: Key<DerivationSettings> = {
        var key = ObjectKey<DerivationSettings, EfficiencySettings>("efficiency", \.efficiency, efficiencyKeys, KeyDoc(
            "Efficiency", .text, "Overrides of the measured default efficiencies.")).key
        // The derived rates come first, then every efficiency they were worked out with, each with
        // its source: written, fitted by a calibration, or measured for the device class.
        key.record = { s, r, _ in
            guard s.derived else { return }
            guard let (setup, c) = estimate(s, r) else {
                // An inline model's figures out of order are reported at their keys (`resolve`).
                let reported = s.inlineModel.isPresent && s.inlineModel.value.architecture.figureOrders.contains { !$0.holds }
                if !reported, let workload = r.context.workload, let setup = s.setup(for: workload) {
                    do throws(CapacityError) { _ = try ReplicaCapacity.estimate(for: setup) } catch { r.error("throughput", error.description) }
                }
                return
            }
            let scale = s.efficiency.throughputScale ?? 1
            let how = "\(setup.model.id) at \(setup.weightPrecision.rawValue) on \(c.tensorParallel) × \(setup.accelerator.name) (\(c.layout)), batch \(c.batch) (roofline capacity model"
                + (scale == 1 ? ")" : ", × \(NumberBounds.format(scale)) throughput scale)")
            for (path, value) in [("throughput.output_tokens_per_second", c.outputTokensPerSecond * scale),
                                  ("throughput.input_tokens_per_second", c.inputTokensPerSecond * scale)] {
                r.assume(path, Money.trimmed(Money.fixed(value, decimals: 1)), .derived(how))
            }
            let e = c.efficiency, written = r.nested("efficiency")
            func source(_ name: String, calibrated: Bool, _ measured: String) -> Assumption.Source {
                if let node = written.child(name) { return KeyReader.source(of: node) }
                if calibrated, let calibration = s.calibration { return .derived(calibration.summary) }
                return .measuredDefault(measured)
            }
            for (name, value, calibrated, measured) in [
                ("memory_bandwidth_utilization", e.memoryBandwidthUtilization, true, e.memoryBandwidthSource.text),
                ("compute_utilization", e.computeUtilization, true, e.computeSource.text),
                ("memory_reserve_share", e.memoryReserveShare, false, e.memoryReserveSource.text),
                ("step_overhead_ms", e.stepOverheadSeconds * 1000, true, e.stepOverheadSource.text),
            ] {
                r.assume("efficiency.\(name)", NumberBounds.format(value), source(name, calibrated: calibrated, measured))
            }
            let scaleNode = written.child("throughput_scale")
            r.assume("efficiency.throughput_scale", NumberBounds.format(scale), scaleNode.map(KeyReader.source(of:)) ?? .defaultValue)
        }
        return key
    }()

    static let precision = ChoiceKey<DerivationSettings, Precision>("precision", \.precision, KeyDoc(
        "Weight precision", .text,
        "Weight precision when throughput is \"derived\" (nvfp4 and mxfp4 run at the device's FP4 peak where it has one); default: the model's native precision, the format it is published in (the catalog model's, or `native_precision` of a model written inline).")).key.derived { s in
        guard let model = s.model, let native = s.weightPrecision else { return nil }
        let whose = !s.inlineModel.isPresent ? model.id : "the model written in the scenario"
        return ("\"\(native.rawValue)\"", .derived("the native precision of \(whose)"))
    }

    static let engine = ChoiceKey<DerivationSettings, ServingEngine>("engine", \.engine, KeyDoc(
        "Serving engine", .text,
        "The serving engine: its default caps the requests decoded together (vllm 256, sglang none, tensorrt-llm 2048, llama.cpp 4, mlx 32); default: vllm on GPUs, llama.cpp on Apple silicon.")).key.derived { s in
        guard let engine = s.servingEngine, let device = s.device else { return nil }
        return ("\"\(engine.rawValue)\"", .derived("the engine assumed on \(device.acceleratorClass.rawValue) devices"))
    }

    static let maxConcurrency = NumberKey<DerivationSettings, Int>("max_concurrency", \.maxConcurrency, .atLeast(1, atMost: 100_000), KeyDoc(
        "Engine concurrency cap", .count("requests"),
        "The engine's cap on requests decoded together (vLLM max_num_seqs, TensorRT-LLM max_batch_size, llama-server -np); default: the engine's.")).key.derived { s in
        s.servingEngine.map { ($0.defaultMaxConcurrency.map(String.init) ?? "none (memory decides)", .measuredDefault($0.concurrencySource)) }
    }

    static let maxBatch: Key<DerivationSettings> = {
        var key = NumberKey<DerivationSettings, Int>("max_batch", \.maxBatch, .atLeast(1, atMost: 100_000), KeyDoc(
            "Largest batch", .count("requests"),
            "Most requests in flight at once; default: none, and 1 for owned hardware under the personal profile (one person sends one request at a time).")).key
        let record = key.record
        key.record = { s, r, c in
            guard s.derived else { return }
            if s.maxBatch == nil, s.oneRequestAtATime {
                return r.assume("max_batch", "1", .derived("personal profile: one person sends one request at a time"))
            }
            record(s, r, c)
        }
        return key
    }()

    static let derivationKeys: [Key<DerivationSettings>] = [
        throughput, model, precision,
        ChoiceKey("kv_cache_precision", \.kvCachePrecision, default: .bf16, KeyDoc(
            "KV cache precision", .text, "KV cache precision when throughput is \"derived\".")).onlyDerived,
        tensorParallel,
        ChoiceKey("layout", \.layout, default: .auto, KeyDoc(
            "Layout", .text,
            "How a replica spreads the model: \"tensor\" parallel, \"expert_data_attention\" (experts spread, attention data parallel: mixture-of-experts models), or \"auto\": whichever costs least per token.")).onlyDerived,
        engine, maxConcurrency,
        TextKey("calibration", \.calibrationName, recorded: false, KeyDoc(
            "Calibration", .text,
            "A calibration in the catalog (`breakeven capacity calibrate`) whose efficiencies to use; default: the one fitted for this device, model and engine, if any.")).key,
        maxBatch,
        ObjectKey("latency", \.latency, latencyKeys, KeyDoc("Latency targets", .text, "Latency targets that cap the batch.")).key,
        efficiency,
    ]

    /// The keys, for a kind whose settings hold a derivation.
    /// - Parameter path: the kind's own stored path to its derivation (see `SharedKeys`).
    static func keys<S: DerivingSettings>(_ path: SettingPath<S, DerivationSettings>) -> [Key<S>] {
        derivationKeys.map { $0.lifted(path) }
    }

    /// What resolution checks of a derivation: the keys it needs, or none of them when the
    /// throughput is given; the catalog model looked up.
    static func resolve(_ d: inout DerivationSettings, _ r: KeyReader, deviceKey: String) {
        guard d.derived else {
            for key in ["model", "precision", "kv_cache_precision", "tensor_parallel", "layout", "engine", "max_concurrency", "calibration",
                        "latency", "efficiency", "max_batch"] where r.has(key) {
                r.error(key, "\"\(key)\" is used only when throughput is \"derived\"")
            }
            return
        }
        let catalog = r.context.catalog
        if d.modelID != nil, !d.inlineModel.isPresent {
            d.catalogModel = r.lookup("model", kind: "open model", in: catalog.openModels.map(\.id), find: { catalog.openModel($0) }, listed: false)
        } else if !d.inlineModel.isPresent {
            r.error(nil, "missing key \"model\", needed when throughput is \"derived\"")
        } else {
            // Only where both figures are written: a required one left out is reported as missing.
            let model = r.nested("model")
            model.check(d.inlineModel.value.architecture.figureOrders.filter { model.has($0.low.key) && model.has($0.high.key) })
        }
        if d.device == nil, !r.has(deviceKey) { r.error(nil, "missing key \"\(deviceKey)\", needed when throughput is \"derived\"") }
        d.efficiency.deviceClass = d.device?.acceleratorClass
        // A calibration by name, or the one fitted for this device, model and engine.
        let calibrations = catalog.calibrations ?? []
        if let name = d.calibrationName {
            d.calibration = catalog.calibration(name)
            if d.calibration == nil {
                let names = calibrations.map(\.name)
                r.error("calibration", "unknown calibration \"\(name)\"" + Suggestion.clause(for: name, in: names)
                        + (names.isEmpty ? " (the catalog has none: make one with `breakeven capacity calibrate`)" : ""))
            }
        } else if let deviceID = d.deviceID, let model = d.model, let engine = d.servingEngine {
            d.calibration = catalog.calibration(gpu: deviceID, model: model.id, engine: engine)
        }
        d.efficiency.calibration = d.calibration
    }

    /// The derived replica, worked out from the settings as resolved; nil when the throughput is
    /// given or the model cannot serve (the efficiency key's record reports why).
    static func estimate(_ d: DerivationSettings, _ r: KeyReader) -> (ServingSetup, ReplicaCapacity)? {
        guard d.derived, let workload = r.context.workload, let setup = d.setup(for: workload),
              let capacity = try? ReplicaCapacity.estimate(for: setup) else { return nil }
        return (setup, capacity)
    }
}


extension ChoiceKey where Settings == DerivationSettings {
    /// Listed only for a derived throughput, where it counts.
    var onlyDerived: Key<DerivationSettings> {
        var key = self.key
        let record = key.record
        key.record = { s, r, c in if s.derived { record(s, r, c) } }
        return key
    }
}

extension Key where Settings == DerivationSettings {
    /// Listed only for a derived throughput: as written, else the value the derivation assumed
    /// and why (nothing where it assumed none).
    func derived(_ assumed: @escaping @Sendable (DerivationSettings) -> (value: String, source: Assumption.Source)?) -> Key {
        var key = self
        let name = self.name
        key.record = { s, r, _ in
            guard s.derived else { return }
            if let node = r.child(name) { return r.assume(name, node.quoted, KeyReader.source(of: node)) }
            if let assumption = assumed(s) { r.assume(name, assumption.value, assumption.source) }
        }
        return key
    }
}

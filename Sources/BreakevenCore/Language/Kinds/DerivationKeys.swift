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

    private static func measured(_ pick: @escaping @Sendable (ServingEfficiency) -> (Double, String)) -> NumberKey<EfficiencySettings, Double>.Fallback {
        .measured("the measured default for the device class", { e in e.defaults.map(pick) })
    }

    static let efficiencyKeys: [Key<EfficiencySettings>] = [
        NumberKey("memory_bandwidth_utilization", \EfficiencySettings.memoryBandwidthUtilization, .atLeast(0.01, atMost: 1),
                  default: measured { ($0.memoryBandwidthUtilization, $0.memoryBandwidthSource) }, KeyDoc(
            "Memory-bandwidth utilization", .share, "Achieved over datasheet bandwidth in decode.")).key,
        NumberKey("compute_utilization", \EfficiencySettings.computeUtilization, .atLeast(0.01, atMost: 1),
                  default: measured { ($0.computeUtilization, $0.computeSource) }, KeyDoc(
            "Compute utilization", .share, "Achieved over dense peak FLOPS.")).key,
        NumberKey("memory_reserve_share", \EfficiencySettings.memoryReserveShare, .atLeast(0, atMost: 0.9),
                  default: measured { ($0.memoryReserveShare, $0.memoryReserveSource) }, KeyDoc(
            "Memory reserve", .share, "Memory kept for activations and the runtime.")).key,
    ]

    static let architectureKeys: [Key<ArchitectureSettings>] = [
        NumberKey("total_parameters", \ArchitectureSettings.totalParameters, .atLeast(1e6, atMost: 1e14), required: true, KeyDoc(
            "Parameters", .count("parameters"), "All parameters (every expert).")).key,
        NumberKey("active_parameters", \ArchitectureSettings.activeParameters, .atLeast(1e6, atMost: 1e14), KeyDoc(
            "Active parameters", .count("parameters"), "Parameters used per token (default: all).")).key,
        NumberKey("layers", \ArchitectureSettings.layers, .atLeast(1, atMost: 1000), required: true, KeyDoc(
            "Layers", .count("layers"), "Transformer layers.")).key,
        NumberKey("hidden_size", \ArchitectureSettings.hiddenSize, .atLeast(1, atMost: 1_000_000), required: true, KeyDoc(
            "Hidden size", .plain, "Model width.")).key,
        NumberKey("attention_heads", \ArchitectureSettings.attentionHeads, .atLeast(1, atMost: 10_000), required: true, KeyDoc(
            "Attention heads", .count("heads"), "Query heads.")).key,
        NumberKey("kv_heads", \ArchitectureSettings.kvHeads, .atLeast(1, atMost: 10_000), required: true, KeyDoc(
            "Key/value heads", .count("heads"), "Key/value heads (grouped-query attention).")).key,
        NumberKey("head_dimension", \ArchitectureSettings.headDimension, .atLeast(1, atMost: 10_000), required: true, KeyDoc(
            "Head dimension", .plain, "Dimension of one head.")).key,
        NumberKey("latent_kv_values", \ArchitectureSettings.latentKVValues, .atLeast(1, atMost: 1_000_000), KeyDoc(
            "Latent KV values", .plain,
            "Multi-head latent attention: values cached per layer and token, kv_lora_rank + qk_rope_head_dim (576 for DeepSeek-V3); omit for grouped-query attention.")).key,
        NumberKey("context_length", \ArchitectureSettings.contextLength, .atLeast(1, atMost: 100_000_000), KeyDoc(
            "Context length", .count("tokens"), "Longest context the model takes.")).key,
    ]

    static let architecture = ObjectKey<DerivationSettings, ArchitectureSettings>(
        "model", \.inlineArchitecture, architectureKeys, KeyDoc("Model", .text, "An open model's architecture, as its config.json gives it."))

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
            read: { s, r in
                if r.child("model")?.members != nil { architecture.key.read(&s, r) } else { id.key.read(&s, r) }
            },
            record: { s, r, c in
                guard s.derived, let node = r.child("model") else { return }
                if node.members != nil { architecture.key.record(s, r, c) } else { r.assume("model", node.quoted, KeyReader.source(of: node)) }
            },
            input: { rest, s in s.inlineModel == nil ? nil : architecture.key.input(rest, s) })
    }()

    static let tensorParallelDoc = KeyDoc("Tensor-parallel degree", .count("devices"),
                                          "Devices per replica: 1, 2, 4 or 8; \"smallest\" that holds the model, or \"best\" throughput per device.")
    static let tensorParallel = Key<DerivationSettings>(
        field: Field("tensor_parallel", .anyOf([.integer(min: 1, max: 8), .string(.oneOf(TensorParallelWord.allCases.map(\.rawValue)))]),
                     default: "\"smallest\"", tensorParallelDoc.text),
        doc: tensorParallelDoc,
        read: { s, r in
            if let n = r.child("tensor_parallel")?.number { s.tensorParallel = Int(keyValue: n) }
            if let word = r.child("tensor_parallel")?.string { s.tensorParallelPolicy = TensorParallelWord(rawValue: word) }
        },
        record: { s, r, _ in if s.derived { r.assumeWritten("tensor_parallel", default: "\"smallest\"") } },
        input: { rest, s in
            guard rest.isEmpty, s.tensorParallel != nil else { return nil }
            return SettingInput(range: InputRange(integersFrom: 1, to: 8), doc: tensorParallelDoc, get: { s, _ in s.tensorParallel.map(Double.init) },
                                set: { s, v in s.tensorParallel = Int(keyValue: v.rounded()) })
        })

    static let efficiency: Key<DerivationSettings> = {
        var key = ObjectKey<DerivationSettings, EfficiencySettings>("efficiency", \.efficiency, efficiencyKeys, whenAbsent: .keys, KeyDoc(
            "Efficiency", .text, "Overrides of the measured default efficiencies.")).key
        let all = key.record
        // The derived rates come first: the efficiencies below are what they were worked out with.
        key.record = { s, r, c in
            guard s.derived else { return }
            if let (setup, capacity) = estimate(s, r) {
                let how = "\(setup.model.id) at \(setup.weightPrecision.rawValue) on \(capacity.tensorParallel) × \(setup.accelerator.name), batch \(capacity.batch) (roofline capacity model)"
                for (key, value) in [("throughput.output_tokens_per_second", capacity.outputTokensPerSecond),
                                     ("throughput.input_tokens_per_second", capacity.inputTokensPerSecond)] {
                    r.assume(key, Money.trimmed(Money.fixed(value, decimals: 1)), .derived(how))
                }
            } else if let workload = r.context.workload, let setup = s.setup(for: workload) {
                do throws(CapacityError) { _ = try ReplicaCapacity.estimate(for: setup) } catch { r.error("throughput", error.description) }
            }
            all(s, r, c)
        }
        return key
    }()

    static let derivationKeys: [Key<DerivationSettings>] = [
        throughput, model,
        ChoiceKey("precision", \.precision, KeyDoc("Weight precision", .text, "Weight precision when throughput is \"derived\".")).onlyDerived,
        ChoiceKey("kv_cache_precision", \.kvCachePrecision, default: .bf16, KeyDoc(
            "KV cache precision", .text, "KV cache precision when throughput is \"derived\".")).onlyDerived,
        tensorParallel,
        NumberKey("max_batch", \.maxBatch, .atLeast(1, atMost: 100_000), KeyDoc(
            "Largest batch", .count("requests"), "Most requests in flight at once (1 for one person at a desk).")).key,
        ObjectKey("latency", \.latency, latencyKeys, KeyDoc("Latency targets", .text, "Latency targets that cap the batch.")).key,
        efficiency,
    ]

    /// The keys, for a kind whose settings hold a derivation.
    static func keys<S: DerivingSettings>(_: S.Type) -> [Key<S>] {
        derivationKeys.map { $0.lifted(\S.derivation) }
    }

    /// What resolution checks of a derivation: the keys it needs, or none of them when the
    /// throughput is given; the catalog model looked up.
    static func resolve(_ d: inout DerivationSettings, _ r: KeyReader, deviceKey: String) {
        guard d.derived else {
            for key in ["model", "precision", "kv_cache_precision", "tensor_parallel", "latency", "efficiency", "max_batch"] where r.has(key) {
                r.error(key, "\"\(key)\" is used only when throughput is \"derived\"")
            }
            return
        }
        let catalog = r.context.catalog
        if d.modelID != nil, d.inlineModel == nil {
            d.catalogModel = r.lookup("model", kind: "open model", in: catalog.openModels.map(\.id), find: { catalog.openModel($0) }, listed: false)
        } else if d.inlineModel == nil {
            r.error(nil, "missing key \"model\", needed when throughput is \"derived\"")
        }
        if d.precision == nil { r.error(nil, "missing key \"precision\", needed when throughput is \"derived\"") }
        if d.device == nil, !r.has(deviceKey) { r.error(nil, "missing key \"\(deviceKey)\", needed when throughput is \"derived\"") }
        d.efficiency.deviceClass = d.device?.acceleratorClass
    }

    /// The derived replica, worked out from the settings as resolved; nil when the throughput is
    /// given or the model cannot serve (the efficiency key's record reports why).
    static func estimate(_ d: DerivationSettings, _ r: KeyReader) -> (ServingSetup, ReplicaCapacity)? {
        guard d.derived, let workload = r.context.workload, let setup = d.setup(for: workload),
              let capacity = try? ReplicaCapacity.estimate(for: setup) else { return nil }
        return (setup, capacity)
    }
}

extension DerivationSettings {
    /// The inline architecture as an object key reads it.
    var inlineArchitecture: ArchitectureSettings {
        get { inlineModel ?? ArchitectureSettings() }
        set { inlineModel = newValue }
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

extension Key {
    /// The key of a nested settings value, read from the same object (the derivation's keys sit
    /// beside the option's own).
    func lifted<Parent>(_ path: SettingPath<Parent, Settings>) -> Key<Parent> {
        let read = self.read, record = self.record, input = self.input
        return Key<Parent>(field: field, doc: doc,
                           read: { p, r in read(&p[keyPath: path], r) },
                           record: { p, r, c in record(p[keyPath: path], r, c) },
                           input: { rest, p in input(rest, p[keyPath: path])?.lifted(path) })
    }
}

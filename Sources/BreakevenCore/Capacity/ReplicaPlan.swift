/// A setup fixed at one layout: its memory budget and its step times.
struct ReplicaPlan: Sendable {
    /// The setup and its efficiencies, shared by every layout of one estimate (a plan is copied
    /// as it is filtered and compared; the setup is not).
    let shared: ReplicaSetupTerms
    let layout: ParallelLayout
    /// What every decode step needs that depends on the layout but not the batch, worked out
    /// once (the rest is `shared`'s): a latency target bisects over a dozen batches, each one step.
    let kvCacheBytesPerToken: Double

    init(setup: ServingSetup, layout: ParallelLayout, efficiency: ServingEfficiency) {
        self.init(shared: ReplicaSetupTerms(setup: setup, efficiency: efficiency), layout: layout)
    }

    init(shared: ReplicaSetupTerms, layout: ParallelLayout) {
        // A data-parallel attention device keeps its requests' whole cache; tensor parallelism
        // replicates KV heads when devices outnumber them. (Worked out before `shared` is stored:
        // read through the stored reference, the model is copied for each call.)
        let precision = shared.setup.kvCachePrecision
        kvCacheBytesPerToken = layout.kind == .expertDataAttention
            ? shared.setup.model.kvCacheBytesPerToken(at: precision)
            : shared.setup.model.kvCacheBytesPerToken(at: precision, tensorParallel: layout.devices)
        self.shared = shared
        self.layout = layout
    }

    /// The methods below read `shared.setup` in place: a local copy of its model retains its strings.
    var setup: ServingSetup { shared.setup }
    var efficiency: ServingEfficiency { shared.efficiency }
    var weightBytes: Double { shared.weightBytes }
    var prefillFLOPsPerToken: Double { shared.prefillFLOPsPerToken }
    private var bandwidthPerDevice: Double { shared.bandwidthPerDevice }
    private var computePerDevice: Double { shared.computePerDevice }
    private var decodeContext: (attended: Double, flopsPerToken: Double) { shared.decodeContext }
    private var experts: (split: (routed: Double, dense: Double)?, activeParameters: Double) { shared.experts }
    var tensorParallel: Int { layout.devices }
    private var devices: Double { Double(layout.devices) }
    private var dataParallelAttention: Bool { layout.kind == .expertDataAttention }

    // MARK: Memory

    /// Weights on each device: a share of everything under tensor parallelism; under attention
    /// data parallelism the dense part whole on every device and the experts spread.
    var weightBytesPerDevice: Double {
        guard dataParallelAttention, let split = shared.setup.model.expertSplit else { return weightBytes / devices }
        let bytes = shared.setup.weightPrecision.bytesPerWeight
        return split.dense * bytes + split.routed * bytes / devices
    }

    /// Each device's memory less the runtime reserve.
    var usableBytesPerDevice: Double {
        shared.setup.accelerator.memoryGB * 1e9 * (1 - efficiency.memoryReserveShare)
    }

    /// KV cache one request holds when it finishes: its whole prompt and answer. Batches are sized
    /// on this, not on the mean context, so no request is ever evicted mid-answer — TensorRT-LLM's
    /// default GUARANTEED_NO_EVICT capacity policy (vLLM admits more and preempts under pressure).
    var kvCacheBytesPerRequest: Double { kvCacheBytesPerToken * shared.setup.model.attendedContext(shared.setup.request.fullContextTokens) }

    /// Weights plus the KV cache of one full request: what the replica needs to serve at all.
    var minimumBytes: Double { weightBytes + kvCacheBytesPerRequest }

    var holdsOneRequest: Bool {
        dataParallelAttention
            ? weightBytesPerDevice + kvCacheBytesPerRequest <= usableBytesPerDevice
            : minimumBytes <= usableBytesPerDevice * devices
    }

    /// Requests whose full KV cache fits beside the weights (a data-parallel device holds its own).
    var batchThatFillsMemory: Int {
        guard kvCacheBytesPerRequest > 0 else { return Int.max / 2 }
        let batch: Double
        if dataParallelAttention {
            let free = usableBytesPerDevice - weightBytesPerDevice
            guard free > 0 else { return 0 }
            batch = (free / kvCacheBytesPerRequest).rounded(.down) * devices
        } else {
            let free = usableBytesPerDevice * devices - weightBytes
            guard free > 0 else { return 0 }
            batch = (free / kvCacheBytesPerRequest).rounded(.down)
        }
        return batch >= Double(Int.max / 2) ? Int.max / 2 : Int(batch)
    }

    // MARK: Speed

    private var link: Double { shared.linkBytesPerSecond }

    /// Communication of one forward pass over `tokens` tokens: tensor parallelism all-reduces twice a
    /// layer; attention data parallelism sends each token to its experts and back (all-to-all).
    func communicationSeconds(tokens: Double) -> Double {
        guard layout.devices > 1 else { return 0 }
        if dataParallelAttention {
            return ExpertAllToAll.secondsPerForwardPass(tokens: tokens, model: shared.setup.model, devices: layout.devices,
                                                         linkBytesPerSecond: link)
        }
        return TensorParallelAllReduce.secondsPerForwardPass(tokens: tokens, model: shared.setup.model, devices: layout.devices,
                                                             linkBytesPerSecond: link)
    }

    /// Prompt tokens prefilled in each step at `batch` in steady state: batch / output requests
    /// finish per step and as many start, each with its uncached prompt (chunked prefill mixes them
    /// into the decode steps: vLLM, SGLang and TensorRT-LLM all do by default).
    func prefillTokensPerStep(batch: Int) -> Double {
        Double(batch) / shared.setup.request.outputTokens * shared.setup.request.uncachedInputTokens
    }

    /// One step at `batch` requests of mean context c = input + output / 2, with the prompts that
    /// ride along: memory = weights touched + batch · c · KV bytes; compute = batch × (2 × active +
    /// attention over c) + prompt tokens × their prefill FLOPs; both per device.
    func decodeStep(batch: Int) -> DecodeStep { step(batch: batch) }

    /// `decodeStep`, inlined where only its time is read (a bisection's dozen steps) so that
    /// nothing else is worked out: the same arithmetic, the same bits.
    @inline(__always) private func step(batch: Int) -> DecodeStep {
        let b = Double(batch)
        let prompts = prefillTokensPerStep(batch: batch)
        let tokens = b + prompts
        let kvBytes = b * decodeContext.attended * kvCacheBytesPerToken
        let weight = shared.setup.weightPrecision.bytesPerWeight
        let slow = 1 / efficiency.expertKernelShare
        let bytesPerDevice: Double
        if let split = experts.split {
            // Routed experts read at the grouped-GEMM share of the bandwidth.
            let experts = split.routed * weight * shared.setup.model.touchedExpertShare(tokens: tokens) * slow
            bytesPerDevice = dataParallelAttention
                ? split.dense * weight + experts / devices + kvBytes / devices
                : (split.dense * weight + experts + kvBytes) / devices
        } else {
            let share = shared.readsWholeWeights ? 1 : shared.setup.model.touchedWeightShare(tokens: tokens)
            bytesPerDevice = (weightBytes * share + kvBytes) / devices
        }
        let expertFLOPs = tokens * 2 * experts.activeParameters * (slow - 1)
        let flops = b * decodeContext.flopsPerToken + prompts * prefillFLOPsPerToken + expertFLOPs
        return DecodeStep(memorySeconds: bytesPerDevice / bandwidthPerDevice, computeSeconds: flops / devices / computePerDevice,
                          communicationSeconds: communicationSeconds(tokens: tokens),
                          overheadSeconds: efficiency.stepOverheadSeconds,
                          prefillFLOPShare: flops > 0 ? prompts * prefillFLOPsPerToken / flops : 0)
    }

    /// Tokens the engine prefills in one pass when it batches prompts together (TensorRT-LLM's
    /// max_num_tokens defaults to 8,192; vLLM's max_num_batched_tokens is of that order): the
    /// communication latency of a pass is shared by that many tokens.
    static let prefillChunkTokens = 8192.0

    /// Prompt tokens per second when prefill has the replica alone: compute-bound,
    /// (devices × peak × MFU) / FLOPs per uncached token, plus the communication of a full chunk
    /// shared among its tokens.
    var prefillOnlyTokensPerSecond: Double {
        let chunk = Self.prefillChunkTokens
        return 1 / (prefillFLOPsPerToken / (devices * computePerDevice) + communicationSeconds(tokens: chunk) / chunk)
    }

    /// Time to first token of a request that finds the replica free: the prefill of its uncached
    /// prompt (at least one token), bound by arithmetic or by reading the weights, plus its
    /// communication. Queueing behind other prompts is the engine's business (utilization).
    var timeToFirstTokenSeconds: Double {
        let tokens = max(shared.setup.request.uncachedInputTokens, 1)
        let flops = shared.setup.model.prefillFLOPs(uncached: tokens, prompt: max(shared.setup.request.inputTokens, tokens))
        let bytes = weightBytes * shared.setup.model.touchedWeightShare(tokens: tokens) / devices
        return max(flops / devices / computePerDevice, bytes / bandwidthPerDevice) + communicationSeconds(tokens: tokens)
            + efficiency.stepOverheadSeconds
    }

    /// What a user sees between tokens at `batch`: one step, the prompts riding along included.
    func timePerOutputTokenSeconds(batch: Int) -> Double { step(batch: batch).seconds }
}

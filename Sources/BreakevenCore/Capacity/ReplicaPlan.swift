/// A setup fixed at one tensor-parallel degree: its memory budget and its step times.
struct ReplicaPlan: Sendable {
    let setup: ServingSetup
    let tensorParallel: Int
    let efficiency: ServingEfficiency

    private var model: OpenModelArchitecture { setup.model }
    private var request: RequestShape { setup.request }
    private var devices: Double { Double(tensorParallel) }

    // MARK: Memory

    var weightBytes: Double { model.weightBytes(at: setup.weightPrecision) }

    var kvCacheBytesPerToken: Double {
        model.kvCacheBytesPerToken(at: setup.kvCachePrecision, tensorParallel: tensorParallel)
    }

    /// Each device's memory less the runtime reserve.
    var usableBytesPerDevice: Double {
        setup.accelerator.memoryGB * 1e9 * (1 - efficiency.memoryReserveShare)
    }

    /// KV cache one request holds when it finishes: its whole prompt and answer. Batches are sized
    /// on this, not on the mean context, so no request is ever evicted mid-answer — TensorRT-LLM's
    /// default GUARANTEED_NO_EVICT capacity policy (vLLM admits more and preempts under pressure).
    var kvCacheBytesPerRequest: Double { kvCacheBytesPerToken * request.fullContextTokens }

    /// Weights plus the KV cache of one full request: what the replica needs to serve at all.
    var minimumBytes: Double { weightBytes + kvCacheBytesPerRequest }

    var holdsOneRequest: Bool { minimumBytes <= usableBytesPerDevice * devices }

    /// Requests whose full KV cache fits beside the weights.
    var batchThatFillsMemory: Int {
        let free = usableBytesPerDevice * devices - weightBytes
        guard free > 0, kvCacheBytesPerRequest > 0 else { return 0 }
        let batch = (free / kvCacheBytesPerRequest).rounded(.down)
        return batch >= Double(Int.max / 2) ? Int.max / 2 : Int(batch)
    }

    // MARK: Speed

    private var bandwidth: Double {
        devices * setup.accelerator.bandwidthTBps * 1e12 * efficiency.memoryBandwidthUtilization
    }

    var peak: (teraOpsPerSecond: Double, runsAt: Precision) { setup.accelerator.peak(for: setup.weightPrecision) }

    private var compute: Double {
        devices * peak.teraOpsPerSecond * 1e12 * efficiency.computeUtilization
    }

    private var link: Double { setup.accelerator.interconnectGBps * 1e9 }

    /// Decode step at `batch` requests of mean context c = input + output / 2:
    /// memory = (weights touched + batch · c · KV bytes per token) / (TP × bandwidth × MBU);
    /// compute = batch × (2 × active parameters + attention over c) / (TP × peak × MFU).
    func decodeStep(batch: Int) -> DecodeStep {
        let b = Double(batch)
        let context = request.meanDecodeContextTokens
        let bytes = weightBytes * model.touchedWeightShare(tokens: b) + b * context * kvCacheBytesPerToken
        let flops = b * model.decodeFLOPsPerToken(context: context)
        let communication = TensorParallelAllReduce.secondsPerForwardPass(
            tokens: b, model: model, devices: tensorParallel, linkBytesPerSecond: link)
        return DecodeStep(memorySeconds: bytes / bandwidth, computeSeconds: flops / compute,
                          communicationSeconds: communication)
    }

    /// Tokens the engine prefills in one pass when it batches prompts together (TensorRT-LLM's
    /// max_num_tokens defaults to 8,192; vLLM's max_num_batched_tokens is of that order): the
    /// all-reduce latency of a pass is shared by that many tokens.
    static let prefillChunkTokens = 8192.0

    /// Prompt tokens per second when prefill has the replica: compute-bound,
    /// (TP × peak × MFU) / FLOPs per uncached token, plus the all-reduces of a full chunk shared
    /// among its tokens.
    var inputTokensPerSecond: Double {
        let uncached = request.uncachedInputTokens
        let flopsPerToken = uncached > 0
            ? model.prefillFLOPs(uncached: uncached, prompt: request.inputTokens) / uncached
            : model.decodeFLOPsPerToken(context: request.inputTokens)
        let chunk = Self.prefillChunkTokens
        let communicationPerToken = TensorParallelAllReduce.secondsPerForwardPass(
            tokens: chunk, model: model, devices: tensorParallel, linkBytesPerSecond: link) / chunk
        return 1 / (flopsPerToken / compute + communicationPerToken)
    }

    /// Time to first token of a request that finds the replica free: the prefill of its uncached
    /// prompt (at least one token), bound by arithmetic or by reading the weights, plus its
    /// all-reduces. Queueing behind other prompts is the engine's business (utilization).
    var timeToFirstTokenSeconds: Double {
        let tokens = max(request.uncachedInputTokens, 1)
        let flops = model.prefillFLOPs(uncached: tokens, prompt: max(request.inputTokens, tokens))
        let bytes = weightBytes * model.touchedWeightShare(tokens: tokens)
        let communication = TensorParallelAllReduce.secondsPerForwardPass(
            tokens: tokens, model: model, devices: tensorParallel, linkBytesPerSecond: link)
        return max(flops / compute, bytes / bandwidth) + communication
    }

    /// What a user sees between tokens at `batch`: the decode step, plus the prefills slipped in
    /// between steps. In steady state batch / output requests finish per step and as many start,
    /// each prefilling its uncached prompt: step + (batch / output) × (uncached / input rate).
    func timePerOutputTokenSeconds(batch: Int) -> Double {
        let prefillPerStep = Double(batch) / request.outputTokens * request.uncachedInputTokens / inputTokensPerSecond
        return decodeStep(batch: batch).seconds + prefillPerStep
    }
}

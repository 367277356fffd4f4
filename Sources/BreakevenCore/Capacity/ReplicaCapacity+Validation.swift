extension ReplicaCapacity {
    /// Every number the model divides by or takes a power of, checked before any arithmetic. It
    /// runs on every estimate (a trial's setup changes): the subject of an error is worded only
    /// when there is one, and the fields are checked one by one rather than listed in arrays.
    static func validate(_ setup: ServingSetup) throws(CapacityError) {
        let model = setup.model
        let modelSubject = ("model", model.id)
        try positive(model.totalParameters, modelSubject, "total_parameters")
        guard model.activeParameters > 0, model.activeParameters <= model.totalParameters else {
            throw .invalidValue(subject: "model \(model.id)", field: "active_parameters",
                                expected: "greater than 0 and at most total_parameters", found: model.activeParameters)
        }
        try positive(Double(model.layers), modelSubject, "layers")
        try positive(Double(model.hiddenSize), modelSubject, "hidden_size")
        try positive(Double(model.attentionHeads), modelSubject, "attention_heads")
        try positive(Double(model.kvHeads), modelSubject, "kv_heads")
        try positive(Double(model.headDimension), modelSubject, "head_dimension")

        let accelerator = setup.accelerator
        let acceleratorSubject = ("accelerator", accelerator.id)
        try positive(accelerator.memoryGB, acceleratorSubject, "memory_gb")
        try positive(accelerator.bandwidthTBps, acceleratorSubject, "bandwidth_tbps")
        try positive(accelerator.bf16TFLOPS, acceleratorSubject, "bf16_tflops")
        if let value = accelerator.fp8TFLOPS { try positive(value, acceleratorSubject, "fp8_tflops") }
        if let value = accelerator.int8TOPS { try positive(value, acceleratorSubject, "int8_tops") }
        if let value = accelerator.int4TOPS { try positive(value, acceleratorSubject, "int4_tops") }
        if let value = accelerator.fp4TFLOPS { try positive(value, acceleratorSubject, "fp4_tflops") }
        try positive(accelerator.interconnectGBps, acceleratorSubject, "interconnect_gbps")

        let request = setup.request
        guard request.inputTokens >= 0, request.inputTokens.isFinite else {
            throw .invalidValue(subject: "request", field: "input_tokens", expected: "at least 0", found: request.inputTokens)
        }
        // A served request generates at least its first token, which comes out of the prefill: the
        // model times a request by its decode steps, so fewer than one would make it free.
        guard request.outputTokens >= 1, request.outputTokens.isFinite else {
            throw .invalidValue(subject: "request", field: "output_tokens", expected: "at least 1", found: request.outputTokens)
        }
        guard request.cachedInputShare >= 0, request.cachedInputShare <= 1 else {
            throw .invalidValue(subject: "request", field: "cached_input_share", expected: "between 0 and 1",
                                found: request.cachedInputShare)
        }

        try utilization(setup.efficiency.memoryBandwidthUtilization, "memory_bandwidth_utilization")
        try utilization(setup.efficiency.computeUtilization, "compute_utilization")
        if let reserve = setup.efficiency.memoryReserveShare, !(reserve >= 0 && reserve < 1) {
            throw .invalidValue(subject: "efficiency", field: "memory_reserve_share", expected: "at least 0 and below 1",
                                found: reserve)
        }

        if let value = setup.latency.maxTimePerOutputTokenMs { try positive(value, ("latency", nil), "max_time_per_output_token_ms") }
        if let value = setup.latency.maxTimeToFirstTokenMs { try positive(value, ("latency", nil), "max_time_to_first_token_ms") }
        if let overhead = setup.efficiency.stepOverheadMs, !(overhead >= 0 && overhead.isFinite) {
            throw .invalidValue(subject: "efficiency", field: "step_overhead_ms", expected: "at least 0", found: overhead)
        }
        if let maxBatch = setup.maxBatch, maxBatch < 1 { throw .invalidMaxBatch(found: maxBatch) }
        if let cap = setup.maxConcurrency, cap < 1 {
            throw .invalidValue(subject: "engine", field: "max_concurrency", expected: "at least 1", found: Double(cap))
        }
    }

    /// `subject`: what the number belongs to, and its id if it has one ("model llama-3.1-70b").
    private static func positive(_ value: Double, _ subject: (String, String?), _ field: String) throws(CapacityError) {
        guard value > 0, value.isFinite else {
            let named = subject.1.map { "\(subject.0) \($0)" } ?? subject.0
            throw .invalidValue(subject: named, field: field, expected: "greater than 0", found: value)
        }
    }

    private static func utilization(_ value: Double?, _ field: String) throws(CapacityError) {
        if let value, !(value > 0 && value <= 1) {
            throw .invalidValue(subject: "efficiency", field: field, expected: "greater than 0 and at most 1", found: value)
        }
    }
}

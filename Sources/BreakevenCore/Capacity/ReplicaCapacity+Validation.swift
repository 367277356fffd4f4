extension ReplicaCapacity {
    /// Every number the model divides by or takes a power of, checked before any arithmetic.
    static func validate(_ setup: ServingSetup) throws(CapacityError) {
        let model = setup.model
        let modelSubject = "model \(model.id)"
        try positive(model.totalParameters, modelSubject, "total_parameters")
        guard model.activeParameters > 0, model.activeParameters <= model.totalParameters else {
            throw .invalidValue(subject: modelSubject, field: "active_parameters",
                                expected: "greater than 0 and at most total_parameters", found: model.activeParameters)
        }
        for (value, field) in [(model.layers, "layers"), (model.hiddenSize, "hidden_size"),
                               (model.attentionHeads, "attention_heads"), (model.kvHeads, "kv_heads"),
                               (model.headDimension, "head_dimension")] {
            try positive(Double(value), modelSubject, field)
        }

        let accelerator = setup.accelerator
        let acceleratorSubject = "accelerator \(accelerator.id)"
        try positive(accelerator.memoryGB, acceleratorSubject, "memory_gb")
        try positive(accelerator.bandwidthTBps, acceleratorSubject, "bandwidth_tbps")
        try positive(accelerator.bf16TFLOPS, acceleratorSubject, "bf16_tflops")
        for (value, field) in [(accelerator.fp8TFLOPS, "fp8_tflops"), (accelerator.int8TOPS, "int8_tops"),
                               (accelerator.int4TOPS, "int4_tops"), (accelerator.fp4TFLOPS, "fp4_tflops")] {
            if let value { try positive(value, acceleratorSubject, field) }
        }
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

        for (value, field) in [(setup.efficiency.memoryBandwidthUtilization, "memory_bandwidth_utilization"),
                               (setup.efficiency.computeUtilization, "compute_utilization")] {
            if let value, !(value > 0 && value <= 1) {
                throw .invalidValue(subject: "efficiency", field: field, expected: "greater than 0 and at most 1", found: value)
            }
        }
        if let reserve = setup.efficiency.memoryReserveShare, !(reserve >= 0 && reserve < 1) {
            throw .invalidValue(subject: "efficiency", field: "memory_reserve_share", expected: "at least 0 and below 1",
                                found: reserve)
        }

        for (value, field) in [(setup.latency.maxTimePerOutputTokenMs, "max_time_per_output_token_ms"),
                               (setup.latency.maxTimeToFirstTokenMs, "max_time_to_first_token_ms")] {
            if let value { try positive(value, "latency", field) }
        }
        if let overhead = setup.efficiency.stepOverheadMs, !(overhead >= 0 && overhead.isFinite) {
            throw .invalidValue(subject: "efficiency", field: "step_overhead_ms", expected: "at least 0", found: overhead)
        }
        if let maxBatch = setup.maxBatch, maxBatch < 1 { throw .invalidMaxBatch(found: maxBatch) }
        if let cap = setup.maxConcurrency, cap < 1 {
            throw .invalidValue(subject: "engine", field: "max_concurrency", expected: "at least 1", found: Double(cap))
        }
    }

    private static func positive(_ value: Double, _ subject: String, _ field: String) throws(CapacityError) {
        guard value > 0, value.isFinite else {
            throw .invalidValue(subject: subject, field: field, expected: "greater than 0", found: value)
        }
    }
}

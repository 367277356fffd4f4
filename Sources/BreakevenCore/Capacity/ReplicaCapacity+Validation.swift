extension ReplicaCapacity {
    /// Every number the model divides by or takes a power of, checked before any arithmetic. It
    /// runs on every estimate (a trial's setup changes): the subject of an error is worded only
    /// when there is one, the fields are checked one by one rather than listed in arrays, and
    /// the model and device are read in place (a copy would retain their strings).
    static func validate(_ setup: ServingSetup) throws(CapacityError) {
        try positive(setup.model.totalParameters, "total_parameters", of: setup.model)
        guard setup.model.activeParameters > 0, setup.model.activeParameters <= setup.model.totalParameters else {
            throw .invalidValue(subject: "model \(setup.model.id)", field: "active_parameters",
                                expected: "greater than 0 and at most total_parameters", found: setup.model.activeParameters)
        }
        try positive(Double(setup.model.layers), "layers", of: setup.model)
        try positive(Double(setup.model.hiddenSize), "hidden_size", of: setup.model)
        try positive(Double(setup.model.attentionHeads), "attention_heads", of: setup.model)
        try positive(Double(setup.model.kvHeads), "kv_heads", of: setup.model)
        try positive(Double(setup.model.headDimension), "head_dimension", of: setup.model)
        // The orders the language and the catalog check; a trial may draw figures that break them.
        if let order = setup.model.brokenFigureOrder {
            throw .invalidValue(subject: "model \(setup.model.id)", field: order.low.key,
                                expected: "at most \(order.high.key) (\(NumberBounds.format(order.high.value)))", found: order.low.value)
        }

        try positive(setup.accelerator.memoryGB, "memory_gb", of: setup.accelerator)
        try positive(setup.accelerator.bandwidthTBps, "bandwidth_tbps", of: setup.accelerator)
        try positive(setup.accelerator.bf16TFLOPS, "bf16_tflops", of: setup.accelerator)
        if let value = setup.accelerator.fp8TFLOPS { try positive(value, "fp8_tflops", of: setup.accelerator) }
        if let value = setup.accelerator.int8TOPS { try positive(value, "int8_tops", of: setup.accelerator) }
        if let value = setup.accelerator.int4TOPS { try positive(value, "int4_tops", of: setup.accelerator) }
        if let value = setup.accelerator.fp4TFLOPS { try positive(value, "fp4_tflops", of: setup.accelerator) }
        try positive(setup.accelerator.interconnectGBps, "interconnect_gbps", of: setup.accelerator)

        guard setup.request.inputTokens >= 0, setup.request.inputTokens.isFinite else {
            throw .invalidValue(subject: "request", field: "input_tokens", expected: "at least 0", found: setup.request.inputTokens)
        }
        // A served request generates at least its first token, which comes out of the prefill: the
        // model times a request by its decode steps, so fewer than one would make it free.
        guard setup.request.outputTokens >= 1, setup.request.outputTokens.isFinite else {
            throw .invalidValue(subject: "request", field: "output_tokens", expected: "at least 1", found: setup.request.outputTokens)
        }
        guard setup.request.cachedInputShare >= 0, setup.request.cachedInputShare <= 1 else {
            throw .invalidValue(subject: "request", field: "cached_input_share", expected: "between 0 and 1",
                                found: setup.request.cachedInputShare)
        }

        try utilization(setup.efficiency.memoryBandwidthUtilization, "memory_bandwidth_utilization")
        try utilization(setup.efficiency.computeUtilization, "compute_utilization")
        if let reserve = setup.efficiency.memoryReserveShare, !(reserve >= 0 && reserve < 1) {
            throw .invalidValue(subject: "efficiency", field: "memory_reserve_share", expected: "at least 0 and below 1",
                                found: reserve)
        }

        if let value = setup.latency.maxTimePerOutputTokenMs { try positive(value, "latency", "max_time_per_output_token_ms") }
        if let value = setup.latency.maxTimeToFirstTokenMs { try positive(value, "latency", "max_time_to_first_token_ms") }
        if let overhead = setup.efficiency.stepOverheadMs, !(overhead >= 0 && overhead.isFinite) {
            throw .invalidValue(subject: "efficiency", field: "step_overhead_ms", expected: "at least 0", found: overhead)
        }
        if let maxBatch = setup.maxBatch, maxBatch < 1 { throw .invalidMaxBatch(found: maxBatch) }
        if let cap = setup.maxConcurrency, cap < 1 {
            throw .invalidValue(subject: "engine", field: "max_concurrency", expected: "at least 1", found: Double(cap))
        }
    }

    private static func positive(_ value: Double, _ field: String, of model: OpenModelArchitecture) throws(CapacityError) {
        if !(value > 0 && value.isFinite) { throw notPositive(value, "model \(model.id)", field) }
    }

    private static func positive(_ value: Double, _ field: String, of accelerator: Accelerator) throws(CapacityError) {
        if !(value > 0 && value.isFinite) { throw notPositive(value, "accelerator \(accelerator.id)", field) }
    }

    private static func positive(_ value: Double, _ subject: String, _ field: String) throws(CapacityError) {
        if !(value > 0 && value.isFinite) { throw notPositive(value, subject, field) }
    }

    private static func notPositive(_ value: Double, _ subject: String, _ field: String) -> CapacityError {
        .invalidValue(subject: subject, field: field, expected: "greater than 0", found: value)
    }

    private static func utilization(_ value: Double?, _ field: String) throws(CapacityError) {
        if let value, !(value > 0 && value <= 1) {
            throw .invalidValue(subject: "efficiency", field: field, expected: "greater than 0 and at most 1", found: value)
        }
    }
}

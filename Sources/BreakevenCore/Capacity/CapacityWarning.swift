/// The warning a derived replica earns when it barely holds its weights: a batch of a few requests
/// or a KV cache that is a sliver of its memory makes every token dear (issue 11: a 70B model on one
/// H100 with a batch of 3 turned "saves $5.29M" into "never pays off").
enum CapacityWarning {
    /// Fewer requests decoded together than this, where memory or latency (not the scenario) set it.
    static let smallBatch = 8
    /// KV cache under this share of the replica's memory.
    static let smallKVShare = 0.05

    static func check(_ c: ReplicaCapacity, option: ServingOption) -> Warning? {
        let memory = c.memoryPerDeviceGB * Double(c.tensorParallel)
        let kvShare = memory > 0 ? c.kvCacheGB / memory : 0
        // The scenario's own cap (max_batch, max_concurrency) at or below the batch: small on purpose.
        let cappedOnPurpose = c.batchLimit == .maxBatch || c.batchLimit == .maxConcurrency
            || (option.derivedFrom?.maxBatch).map { $0 <= c.batch } == true
        let smallBatch = c.batch < smallBatch
        guard !cappedOnPurpose, smallBatch || kvShare < smallKVShare else { return nil }
        var what: [String] = []
        if smallBatch { what.append("a batch of \(c.batch)") }
        if kvShare < smallKVShare { what.append("a KV cache of \(Money.fixed(kvShare * 100, decimals: 1))% of its memory") }
        let advice: String
        if let better = c.betterLayout, let perDevice = c.betterLayoutOutputPerDevice {
            advice = "\(better) serves \(Money.grouped(Money.fixed(perDevice, decimals: 0))) output tokens/s per device against \(Money.grouped(Money.fixed(c.perDevice, decimals: 0))): set tensor_parallel to \(better.devices)"
                + (better.kind == .tensor ? "" : " and layout to \"\(better.kind.rawValue)\"") + ", or leave both to their defaults"
        } else {
            advice = "no other layout on this device does better; a device with more memory, or a smaller precision, would"
        }
        return Warning(code: "small_replica", option: option.id,
            message: "\(option.label) runs \(c.layout) with \(what.joined(separator: " and ")): \(advice).")
    }
}

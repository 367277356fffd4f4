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
        var figures = WarningFigures(share: kvShare < smallKVShare ? kvShare : nil)
        figures.layout = c.layout.description
        figures.batch = smallBatch ? c.batch : nil
        figures.outputPerDevice = c.perDevice
        if let better = c.betterLayout, let perDevice = c.betterLayoutOutputPerDevice {
            figures.betterLayout = better.description
            figures.betterDevices = better.devices
            figures.betterLayoutKind = better.kind == .tensor ? nil : better.kind.rawValue
            figures.betterOutputPerDevice = perDevice
        }
        return Warning(.smallReplica, option: option.id, figures)
    }
}

extension ServingOption {
    /// Works a derived throughput out again, as the builder does, from `derivedFrom` (which an
    /// input may have changed) and the workload's mean request (which another may have): the
    /// same `ReplicaCapacity.estimate`, the replica's rates and device count written where the
    /// builder writes them. False when the model no longer fits (the variant cannot be built).
    /// An option with a throughput given by hand is left alone.
    mutating func rederiveCapacity(for workload: Workload) -> Bool {
        guard var setup = derivedFrom else { return true }
        setup.request = RequestShape(meanOf: workload)
        guard let c = try? ReplicaCapacity.estimate(for: setup) else { return false }
        derivedFrom = setup
        capacity = c
        switch kind {
        case .selfHosted(var d):
            d.throughput = c.throughput
            d.gpusPerReplica = c.tensorParallel
            kind = .selfHosted(d)
        case .ownedHardware(var p):
            p.throughput = c.throughput
            kind = .ownedHardware(p)
        default:
            break
        }
        return true
    }
}

/// How rented GPUs are billed: in whole instances (AWS p5.48xlarge and GCP a3-highgpu-8g rent
/// eight H100s at once), replicas packed into them. A replica's GPUs share one instance (tensor
/// parallelism needs its NVLink) unless it needs more GPUs than an instance has, when it takes
/// whole instances of its own.
struct InstancePacking: Sendable, Hashable {
    /// Replicas one group holds: an instance, or the instances one large replica spans.
    let replicasPerGroup: Double
    /// GPUs billed for one group.
    let gpusPerGroup: Double

    /// One GPU an instance: every replica is billed its own GPUs, as before instances were known.
    init(gpusPerReplica: Int, gpusPerInstance: Int) {
        let replica = max(gpusPerReplica, 1), instance = max(gpusPerInstance, 1)
        if replica <= instance {
            replicasPerGroup = Double(instance / replica)
            gpusPerGroup = Double(instance)
        } else {
            replicasPerGroup = 1
            gpusPerGroup = Double((replica + instance - 1) / instance * instance)
        }
    }

    /// Groups `replicas` (a whole number) take: ⌈replicas / replicas per group⌉.
    @inline(__always)
    func groups(replicas: Double) -> Double {
        replicasPerGroup == 1 ? replicas : ReplicaSizing.ceiling(replicas / replicasPerGroup)
    }

    /// GPUs billed while `replicas` run: their groups × GPUs per group. Whole numbers in, whole
    /// numbers out: sums of them stay exact.
    @inline(__always)
    func billedGPUs(replicas: Double) -> Double { groups(replicas: replicas) * gpusPerGroup }

    /// GPUs paid for while `replicas` run: a running reservation's (the replicas its instances
    /// hold and the GPUs billed for them), and on-demand instances for the replicas above them.
    @inline(__always)
    static func paidGPUs(replicas: Double, onDemand: InstancePacking, reserved: (replicas: Double, gpus: Double)?) -> Double {
        guard let reserved else { return onDemand.billedGPUs(replicas: replicas) }
        return reserved.gpus + onDemand.billedGPUs(replicas: max(0, replicas - reserved.replicas))
    }

    /// Replicas the GPUs billed for `replicas` can run: what a reservation of that many holds.
    func replicasHeld(billingFor replicas: Double) -> Double {
        replicasPerGroup == 1 ? replicas : ReplicaSizing.ceiling(replicas / replicasPerGroup) * replicasPerGroup
    }
}

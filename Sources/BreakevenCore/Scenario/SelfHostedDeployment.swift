/// Open models on rented GPUs, sized for peak load.
struct SelfHostedDeployment: Sendable, Hashable {
    enum Scaling: String, Sendable, Hashable, CaseIterable {
        /// The month's peak replicas run every hour of the month.
        case `static`
        /// Each hour of the day runs the replicas its own load needs.
        case hourly
    }

    /// USD per GPU-hour.
    var gpuHourly: Double
    var gpusPerReplica: Int = 1
    /// GPUs the provider rents together: every GPU of each instance started is billed.
    var gpusPerInstance: Int = 1
    var throughput: Throughput
    var maxUtilization: Double = 0.7
    var minReplicas: Int = 1
    var scaling: Scaling = .static
    var gpuPriceChangePerYear: Double = 0
    var outputTokenMultiplier: Double = 1
    var overheads: Overheads = Overheads()
    /// Replicas reserved for a term, billed every hour whatever the load; nil: all on demand.
    var reservation: Reservation?
    /// Every GPU bought for a term of this many months (`commitment: "reserved_1y"`: 12,
    /// `"reserved_3y"`: 36): paid every hour of its term, so capacity bought for a busy month
    /// stays paid, and hourly scaling sheds none of it. nil: rented by the hour.
    var termMonths: Int?
    /// Extra capacity kept against spot interruptions: 0.1 provisions 10% more.
    var interruptionOverhead: Double = 0

    /// A GPU reservation: `replicas` billed at `hourly` per GPU for the first `termMonths` months,
    /// in whole instances of `gpusPerInstance` GPUs.
    struct Reservation: Sendable, Hashable {
        var replicas: Int
        var hourly: Double
        var termMonths: Int
        var gpusPerInstance: Int = 1
    }

    /// How the on-demand GPUs are billed.
    var packing: InstancePacking { InstancePacking(gpusPerReplica: gpusPerReplica, gpusPerInstance: gpusPerInstance) }

    /// How the reserved GPUs are billed.
    func packing(of reservation: Reservation) -> InstancePacking {
        InstancePacking(gpusPerReplica: gpusPerReplica, gpusPerInstance: reservation.gpusPerInstance)
    }

    /// What a reservation holds: the replicas its whole instances run (at least those reserved:
    /// a partly filled instance is paid whole, so its free GPUs serve too), and the GPUs billed.
    func held(by reservation: Reservation) -> (replicas: Double, gpus: Double) {
        let packing = packing(of: reservation), replicas = Double(reservation.replicas)
        return (packing.replicasHeld(billingFor: replicas), packing.billedGPUs(replicas: replicas))
    }
}

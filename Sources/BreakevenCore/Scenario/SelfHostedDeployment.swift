/// Open models on rented GPUs, sized for peak load.
struct SelfHostedDeployment: Sendable, Hashable {
    public enum Scaling: String, Sendable, Hashable, CaseIterable {
        /// The month's peak replicas run every hour of the month.
        case `static`
        /// Each hour of the day runs the replicas its own load needs.
        case hourly
    }

    /// USD per GPU-hour.
    public var gpuHourly: Double
    public var gpusPerReplica: Int
    public var throughput: Throughput
    public var maxUtilization: Double
    public var minReplicas: Int
    public var scaling: Scaling
    public var gpuPriceChangePerYear: Double
    public var outputTokenMultiplier: Double
    public var overheads: Overheads
    /// Replicas reserved for a term, billed every hour whatever the load; nil: all on demand.
    public var reservation: Reservation?
    /// Extra capacity kept against spot interruptions: 0.1 provisions 10% more.
    public var interruptionOverhead: Double

    /// A GPU reservation: `replicas` billed at `hourly` per GPU for the first `termMonths` months.
    public struct Reservation: Sendable, Hashable {
        public var replicas: Int
        public var hourly: Double
        public var termMonths: Int

        public init(replicas: Int, hourly: Double, termMonths: Int) {
            self.replicas = replicas
            self.hourly = hourly
            self.termMonths = termMonths
        }
    }

    public init(gpuHourly: Double, gpusPerReplica: Int = 1, throughput: Throughput, maxUtilization: Double = 0.7,
                minReplicas: Int = 1, scaling: Scaling = .static, gpuPriceChangePerYear: Double = 0,
                outputTokenMultiplier: Double = 1, overheads: Overheads = Overheads(),
                reservation: Reservation? = nil, interruptionOverhead: Double = 0) {
        self.gpuHourly = gpuHourly
        self.gpusPerReplica = gpusPerReplica
        self.throughput = throughput
        self.maxUtilization = maxUtilization
        self.minReplicas = minReplicas
        self.scaling = scaling
        self.gpuPriceChangePerYear = gpuPriceChangePerYear
        self.outputTokenMultiplier = outputTokenMultiplier
        self.overheads = overheads
        self.reservation = reservation
        self.interruptionOverhead = interruptionOverhead
    }
}

/// Sizes rented GPU replicas for one month's load: for the peak, not the average.
struct ReplicaSizing {
    let deployment: SelfHostedDeployment
    let workload: Workload
    /// Worked out once, not every month: the load shape's hourly factors and the overheads.
    let hourlyFactors: [Double]?
    /// Every hour's factor is the same: one hour stands for the whole day.
    let flatDay: Bool
    let teamPerMonth: Double
    let fixedPerMonth: Double
    var gpuTrend: TrendFactors

    init(deployment: SelfHostedDeployment, workload: Workload) {
        gpuTrend = TrendFactors(perYear: deployment.gpuPriceChangePerYear)
        self.deployment = deployment
        self.workload = workload
        hourlyFactors = workload.loadShape.hourlyFactors
        flatDay = hourlyFactors.map { f in f.allSatisfy { $0 == f.first } } ?? false
        teamPerMonth = deployment.overheads.teamPerMonth
        fixedPerMonth = deployment.overheads.fixedPerMonth
    }

    /// Replica-seconds of work: uncached prompt tokens / prefill rate + output tokens / decode rate
    /// (cached prompt tokens are served from the prefix cache and cost no prefill).
    static func work(_ tokens: TokenCounts, _ throughput: Throughput) -> Double {
        tokens.uncachedInput / throughput.inputTokensPerSecond + tokens.output / throughput.outputTokensPerSecond
    }

    /// max(min_replicas, ceil(load × (1 + interruption overhead) / max_utilization)); a hair of
    /// tolerance keeps 2.0000000001 at 2.
    func replicas(forLoad load: Double) -> Double {
        let needed = (load * (1 + deployment.interruptionOverhead) / deployment.maxUtilization * (1 - 1e-12)).rounded(.up)
        return max(Double(deployment.minReplicas), needed)
    }

    func month(_ demand: MonthDemand) -> MonthlyProjection { MonthlyProjection(demand, monthCost(demand)) }

    func monthCost(_ demand: MonthDemand) -> MonthCost {
        let tokens = TokenCounts(requests: demand.requests, classes: workload.classes, outputMultiplier: deployment.outputTokenMultiplier)
        let average = ReplicaSizing.work(tokens, deployment.throughput) / demand.date.seconds
        let batchLoad = average * workload.batchShare
        let interactive = average - batchLoad
        let hours = demand.date.hours
        // Replicas each hour of a typical day of the month (whole replicas, so every sum below is exact).
        let reserved: Double? = deployment.reservation.flatMap { demand.index < $0.termMonths ? Double($0.replicas) : nil }
        var peakReplicas = 0.0, replicaHoursPerDay = 0.0, burstHoursPerDay = 0.0
        if let factors = hourlyFactors, deployment.scaling == .hourly, !flatDay {
            // Batch traffic fills the valleys: it adds to every hour and does not peak.
            for f in factors {
                let r = replicas(forLoad: interactive * f + batchLoad)
                peakReplicas = max(peakReplicas, r)
                replicaHoursPerDay += r
                if let reserved { burstHoursPerDay += max(0, r - reserved) }
            }
        } else {
            if let factors = hourlyFactors, let first = factors.first {
                // Static (or a day without hours busier than others): the peak hour, all day.
                if flatDay {
                    peakReplicas = replicas(forLoad: interactive * first + batchLoad)
                } else {
                    for f in factors { peakReplicas = max(peakReplicas, replicas(forLoad: interactive * f + batchLoad)) }
                }
            } else {
                // Only the peak is known: no shape to follow, so hourly scaling equals static.
                peakReplicas = replicas(forLoad: interactive * workload.loadShape.peakFactor + batchLoad)
            }
            replicaHoursPerDay = 24 * peakReplicas
            if let reserved { burstHoursPerDay = 24 * max(0, peakReplicas - reserved) }
        }
        let days = Double(demand.date.days)
        let gpus = Double(deployment.gpusPerReplica)
        var lines = CostLines()
        var replicaHours: Double
        let onDemandHourly = deployment.gpuHourly * gpuTrend.factor(month: demand.index)
        if let reservation = deployment.reservation, let reserved {
            // Reserved replicas are paid every hour of the term; load above them bursts on demand.
            let burstHours = burstHoursPerDay * days
            replicaHours = reserved * hours + burstHours
            lines.gpu = reserved * hours * gpus * reservation.hourly + burstHours * gpus * onDemandHourly
        } else {
            replicaHours = replicaHoursPerDay * days
            lines.gpu = replicaHours * gpus * onDemandHourly
        }
        lines.team = teamPerMonth
        lines.fixed = fixedPerMonth
        if demand.isFirstActive { lines.oneTime = deployment.overheads.oneTimeTotal }
        return MonthCost(costs: lines, inputTokens: tokens.input, outputTokens: tokens.output,
                         replicas: peakReplicas, utilization: replicaHours > 0 ? average * hours / replicaHours : nil)
    }
}

/// Sizes rented GPU replicas for one month's load: for the peak, not the average.
struct ReplicaSizing {
    let deployment: SelfHostedDeployment
    let workload: Workload

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

    func month(_ demand: MonthDemand) -> MonthlyProjection {
        let tokens = TokenCounts(requests: demand.requests, classes: workload.classes, outputMultiplier: deployment.outputTokenMultiplier)
        let average = ReplicaSizing.work(tokens, deployment.throughput) / demand.date.seconds
        let batchLoad = average * workload.batchShare
        let interactive = average - batchLoad
        let hours = demand.date.hours
        // Replicas each hour of a typical day of the month.
        var perHour: [Double]
        if let factors = workload.loadShape.hourlyFactors {
            // Batch traffic fills the valleys: it adds to every hour and does not peak.
            perHour = factors.map { replicas(forLoad: interactive * $0 + batchLoad) }
            if deployment.scaling == .static { perHour = Array(repeating: perHour.max() ?? 0, count: 24) }
        } else {
            // Only the peak is known: no shape to follow, so hourly scaling equals static.
            perHour = Array(repeating: replicas(forLoad: interactive * workload.loadShape.peakFactor + batchLoad), count: 24)
        }
        let peakReplicas = perHour.max() ?? 0
        let days = Double(demand.date.days)
        let gpus = Double(deployment.gpusPerReplica)
        var lines = CostLines()
        var replicaHours: Double
        let onDemandHourly = deployment.gpuHourly * trendFactor(deployment.gpuPriceChangePerYear, month: demand.index)
        if let reservation = deployment.reservation, demand.index < reservation.termMonths {
            // Reserved replicas are paid every hour of the term; load above them bursts on demand.
            let reserved = Double(reservation.replicas)
            let burstHours = perHour.reduce(0) { $0 + max(0, $1 - reserved) } * days
            replicaHours = reserved * hours + burstHours
            lines.gpu = reserved * hours * gpus * reservation.hourly + burstHours * gpus * onDemandHourly
        } else {
            replicaHours = perHour.reduce(0, +) * days
            lines.gpu = replicaHours * gpus * onDemandHourly
        }
        lines.team = deployment.overheads.teamPerMonth
        lines.fixed = deployment.overheads.fixedPerMonth
        if demand.isFirstActive { lines.oneTime = deployment.overheads.oneTimeTotal }
        return MonthlyProjection(index: demand.index, date: demand.date, requests: demand.requests,
                                 inputTokens: tokens.input, outputTokens: tokens.output, costs: lines,
                                 replicas: peakReplicas, utilization: replicaHours > 0 ? average * hours / replicaHours : nil)
    }
}

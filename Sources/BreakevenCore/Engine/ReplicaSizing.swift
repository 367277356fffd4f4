/// Sizes rented GPU replicas for one month's load: for the peak, not the average.
struct ReplicaSizing {
    let deployment: SelfHostedDeployment
    let workload: Workload

    /// Replica-seconds of work: uncached prompt tokens / prefill rate + output tokens / decode rate
    /// (cached prompt tokens are served from the prefix cache and cost no prefill).
    static func work(_ tokens: TokenCounts, _ throughput: Throughput) -> Double {
        tokens.uncachedInput / throughput.inputTokensPerSecond + tokens.output / throughput.outputTokensPerSecond
    }

    /// max(min_replicas, ceil(load / max_utilization)); a hair of tolerance keeps 2.0000000001 at 2.
    func replicas(forLoad load: Double) -> Double {
        let needed = (load / deployment.maxUtilization * (1 - 1e-12)).rounded(.up)
        return max(Double(deployment.minReplicas), needed)
    }

    func month(_ demand: MonthDemand) -> MonthlyProjection {
        let tokens = TokenCounts(requests: demand.requests, classes: workload.classes, outputMultiplier: deployment.outputTokenMultiplier)
        let average = ReplicaSizing.work(tokens, deployment.throughput) / demand.date.seconds
        let batchLoad = average * workload.batchShare
        let interactive = average - batchLoad
        let hours = demand.date.hours
        var peakReplicas: Double
        var replicaHours: Double
        if let factors = workload.loadShape.hourlyFactors {
            // Batch traffic fills the valleys: it adds to every hour and does not peak.
            let perHour = factors.map { replicas(forLoad: interactive * $0 + batchLoad) }
            peakReplicas = perHour.max() ?? 0
            switch deployment.scaling {
            case .static: replicaHours = peakReplicas * hours
            case .hourly: replicaHours = perHour.reduce(0, +) * Double(demand.date.days)
            }
        } else {
            // Only the peak is known: no shape to follow, so hourly scaling equals static.
            peakReplicas = replicas(forLoad: interactive * workload.loadShape.peakFactor + batchLoad)
            replicaHours = peakReplicas * hours
        }
        var lines = CostLines()
        lines.gpu = replicaHours * Double(deployment.gpusPerReplica) * deployment.gpuHourly
            * trendFactor(deployment.gpuPriceChangePerYear, month: demand.index)
        lines.team = deployment.overheads.teamPerMonth
        lines.fixed = deployment.overheads.fixedPerMonth
        if demand.index == 0 { lines.oneTime = deployment.overheads.oneTimeTotal }
        return MonthlyProjection(index: demand.index, date: demand.date, requests: demand.requests,
                                 inputTokens: tokens.input, outputTokens: tokens.output, costs: lines,
                                 replicas: peakReplicas, utilization: replicaHours > 0 ? average * hours / replicaHours : nil)
    }
}

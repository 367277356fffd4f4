/// Sizes rented GPU replicas for one month's load: for the peak, not the average.
final class ReplicaSizing {
    /// Tokens of one average request, output after the option's multiplier.
    let tokensPerRequest: TokenCounts
    /// Replica-seconds of work one average request takes (`work` of `tokensPerRequest`).
    let workPerRequest: Double
    let batchShare: Double
    /// The load shape as sizing reads it: its hourly factors, their distinct values, the peak.
    let day: DayProfile
    let scaling: SelfHostedDeployment.Scaling
    let interruptionOverhead: Double
    let maxUtilization: Double
    /// (1 + interruption overhead) / max utilization, less a hair: replicas per unit of load
    /// (worked out once: a trial sizes 24 hours a month).
    let replicasPerLoad: Double
    let minReplicas: Double
    let reservation: SelfHostedDeployment.Reservation?
    /// Replicas the reserved instances hold (at least the replicas reserved: a partly filled
    /// instance is paid whole, so its free GPUs serve too), and the GPUs billed for them.
    let reserved: (replicas: Double, gpus: Double)?
    /// USD per GPU-hour on demand, before the trend.
    let gpuHourly: Double
    /// How on-demand GPUs are billed: in whole instances.
    let packing: InstancePacking
    /// Every GPU reserved for a term (`commitment: "reserved_1y"`): what each month bought, kept
    /// here from month to month and stepped in place; nil: rented by the hour. (Stepped once a
    /// month of every trial, by this model alone: its accesses are not checked at run time.)
    @exclusivity(unchecked) var ledger: ReservationLedger?
    let overheads: OverheadCharges
    let gpuTrend: TrendFactors

    init(deployment: SelfHostedDeployment, workload: borrowing Workload, trends: TrendTableCache? = nil, dayShapes: DayShapeMemo? = nil) {
        tokensPerRequest = TokenCounts(perRequestOf: workload.classes, outputMultiplier: deployment.outputTokenMultiplier)
        workPerRequest = ReplicaSizing.work(tokensPerRequest, deployment.throughput)
        batchShare = workload.batchShare
        day = dayShapes?.profile(workload.loadShape) ?? DayProfile(workload.loadShape)
        scaling = deployment.scaling
        interruptionOverhead = deployment.interruptionOverhead
        maxUtilization = deployment.maxUtilization
        replicasPerLoad = (1 + deployment.interruptionOverhead) / deployment.maxUtilization * (1 - 1e-12)
        minReplicas = Double(deployment.minReplicas)
        reservation = deployment.reservation
        reserved = deployment.reservation.map(deployment.held(by:))
        gpuHourly = deployment.gpuHourly
        packing = deployment.packing
        ledger = deployment.termMonths.map(ReservationLedger.init(termMonths:))
        overheads = OverheadCharges(deployment.overheads)
        gpuTrend = TrendFactors(perYear: deployment.gpuPriceChangePerYear, tables: trends)
    }

    /// Replica-seconds of work: prefilled prompt tokens / prefill rate + output tokens / decode rate
    /// (cached prompt tokens are served from the prefix cache and cost no prefill; tokens written
    /// to the cache are prefilled like any other).
    static func work(_ tokens: TokenCounts, _ throughput: Throughput) -> Double {
        (tokens.uncachedInput + tokens.cacheWrite) / throughput.inputTokensPerSecond + tokens.output / throughput.outputTokensPerSecond
    }

    /// max(min_replicas, ceil(load × (1 + interruption overhead) / max_utilization)); a hair of
    /// tolerance keeps 2.0000000001 at 2.
    @inline(__always)
    func replicas(forLoad load: Double) -> Double {
        max(minReplicas, ReplicaSizing.ceiling(load * replicasPerLoad))
    }

    /// ⌈x⌉ without a library call (the baseline x86-64 target has no rounding instruction, and
    /// the hourly sizing takes 24 a month): through a 64-bit integer where x fits one exactly.
    @inline(__always)
    static func ceiling(_ x: Double) -> Double {
        guard x >= 0, x < 4.5e15 else { return x.rounded(.up) }
        let whole = Double(Int64(x))
        return whole < x ? whole + 1 : whole
    }

    func month(_ demand: MonthDemand) -> MonthlyProjection { MonthlyProjection(demand, monthCost(demand)) }

    /// A month sized and billed, before GPUs reserved for a term and the overheads.
    struct SizedMonth {
        var lines = CostLines()
        var peakReplicas: Double
        /// GPUs paid for at the peak hour.
        var peakGPUs: Double
        /// Replica-hours paid for, and the replica-hours of load served.
        var replicaHours: Double
        var servedHours: Double
    }

    @inline(__always)
    func monthCost(_ demand: MonthDemand) -> MonthCost {
        var month = sized(demand, reserving: reserves(demand))
        // Everything reserved: the peak hour's instances, kept every hour until their terms end,
        // each at the price of the month it was bought.
        if let (held, pricedHeld) = ledger?.hold(packing.groups(replicas: month.peakReplicas), month: demand.index,
                                                 factor: gpuTrend.factor(month: demand.index)) {
            let hours = demand.date.hours
            month.replicaHours = held * packing.replicasPerGroup * hours
            month.lines.gpu = heldCost(pricedHeld, hours: hours)
            month.peakGPUs = held * packing.gpusPerGroup
        }
        return finished(month, demand)
    }

    /// A month of an option that reserves every GPU for a term, without them: its cost, and the
    /// groups of instances its peak needs reserved. A switch prices its every month from these
    /// without stepping the ledger (`SwitchSides`).
    func unreserved(_ demand: MonthDemand) -> (total: Double, groups: Double) {
        let month = sized(demand, reserving: false)
        var lines = month.lines
        lines.gpu = 0
        overheads.charge(&lines, demand)
        return (lines.total, packing.groups(replicas: month.peakReplicas))
    }

    /// What the GPUs a ledger holds cost for `hours`, each purchase at its month's price (the
    /// ledger's groups × their price factors, `pricedHeld`).
    @inline(__always)
    private func heldCost(_ pricedHeld: Double, hours: Double) -> Double {
        pricedHeld * packing.gpusPerGroup * hours * gpuHourly
    }

    /// Whether the reserved replicas are paid in the month: for their term from the month the
    /// option starts serving (its first active month: a switch's month for the side it moves to,
    /// the first month a phase allows), as a reservation runs from its purchase.
    @inline(__always)
    func reserves(_ demand: MonthDemand) -> Bool {
        guard let reservation else { return false }
        let start = max(0, demand.firstActiveIndex)
        return demand.index >= start && demand.index - start < reservation.termMonths
    }

    /// A month's total with the reserved replicas paid or not, whichever month they were bought
    /// in: a switch to them prices every switch month from both (`SwitchSides`).
    func monthTotal(_ demand: MonthDemand, reserving: Bool) -> Double {
        finished(sized(demand, reserving: reserving), demand).costs.total
    }

    /// What one group of instances reserved costs in the month at month-1 prices.
    func reservedGroupCost(_ demand: MonthDemand) -> Double { packing.gpusPerGroup * demand.date.hours * gpuHourly }

    /// The GPU price trend's factor in the month: what a reservation bought then is priced at.
    func priceFactor(_ demand: MonthDemand) -> Double { gpuTrend.factor(month: demand.index) }

    /// What the deployment owes in a month it does not serve, once it has: reserved replicas to
    /// the end of their term, and GPUs reserved by the commitment word to the end of each
    /// purchase's term (nothing more is bought). nil: nothing.
    func committedCost(_ demand: MonthDemand) -> MonthCost? {
        var owed = MonthCost(gpus: 0)
        let hours = demand.date.hours
        if let reservation, let reserved, reserves(demand) {
            owed.costs.gpu = reserved.gpus * hours * reservation.hourly
            owed.gpus = reserved.gpus
        }
        if let (held, pricedHeld) = ledger?.hold(0, month: demand.index, factor: 0) {
            owed.costs.gpu += heldCost(pricedHeld, hours: hours)
            owed.gpus = (owed.gpus ?? 0) + held * packing.gpusPerGroup
        }
        return owed.costs.gpu > 0 ? owed : nil
    }

    /// What the deployment still owes after the horizon: reserved replicas (reserved in the month
    /// it started serving, `start`) for the rest of their term, every GPU of their instances at
    /// the reserved price; GPUs reserved by the commitment word, each purchase for the rest of its
    /// term at the price it was bought at. Read from the ledger as the months left it.
    func owedAfter(_ horizon: HorizonEnd, startedIn start: Int) -> OwedCommitment? {
        var parts: [OwedCommitment?] = []
        if let reservation, let reserved, reservation.replicas > 0, max(0, start) + reservation.termMonths > horizon.months {
            let months = max(0, start) + reservation.termMonths - horizon.months
            parts.append(OwedCommitment(months: months, amount: reserved.gpus * reservation.hourly * horizon.hours(months)))
        }
        if let ledger {
            for (purchase, left) in ledger.owed(after: horizon.months) {
                parts.append(OwedCommitment(months: left, amount: purchase.count * packing.gpusPerGroup * gpuHourly * purchase.factor
                                                * horizon.hours(left)))
            }
        }
        return OwedCommitment.combining(parts)
    }

    @inline(__always)
    private func finished(_ month: SizedMonth, _ demand: MonthDemand) -> MonthCost {
        var lines = month.lines
        overheads.charge(&lines, demand)
        let tokens = tokensPerRequest.scaled(by: demand.requests)
        return MonthCost(costs: lines, inputTokens: tokens.input, outputTokens: tokens.output, replicas: month.peakReplicas,
                         gpus: month.peakGPUs, utilization: month.replicaHours > 0 ? month.servedHours / month.replicaHours : nil)
    }

    @inline(__always)
    private func sized(_ demand: MonthDemand, reserving: Bool) -> SizedMonth {
        // The month's length worked out once (`CalendarMonth.seconds` and `hours` each work it out again).
        let monthDays = demand.date.days
        let average = demand.requests * workPerRequest / Double(monthDays * 86_400)
        let batchLoad = average * batchShare
        let interactive = average - batchLoad
        let hours = Double(monthDays * 24)
        // Replicas each hour of a typical day of the month, and the on-demand replicas and GPUs
        // billed for them: above the reservation's while it runs (whole numbers, so every sum below
        // is exact).
        let held: Double? = reserving ? reserved?.replicas : nil
        var peakReplicas = 0.0, onDemandReplicaHoursPerDay = 0.0, onDemandGPUHoursPerDay = 0.0
        @inline(__always) func run(_ r: Double, hours n: Double) {
            let onDemand = held.map { max(0, r - $0) } ?? r
            onDemandReplicaHoursPerDay += onDemand * n
            onDemandGPUHoursPerDay += packing.billedGPUs(replicas: onDemand) * n
        }
        if let factors = day.hourlyFactors, scaling == .hourly, !day.flat {
            // Batch traffic fills the valleys: it adds to every hour and does not peak. Replicas
            // for hour h: ceil((interactive·f_h + batch)·k), as ceil(a·f_h + b) with a and b once a month.
            let a = interactive * replicasPerLoad, b = batchLoad * replicasPerLoad
            if a >= 0, b >= 0, a * day.largestFactor + b < 1e12, minReplicas < 1e12, let least = day.distinct.last?.factor, least >= 0 {
                // Whole replicas well below 2^53: every product and sum below is exact, in any order.
                day.distinct.withUnsafeBufferPointer { shape in
                    var left = Double(factors.count)
                    for (f, n) in shape {
                        let r = max(minReplicas, ReplicaSizing.ceiling(a * f + b))
                        if r == minReplicas {
                            // Every hour left is as quiet or quieter: min_replicas all of them.
                            run(r, hours: left)
                            break
                        }
                        peakReplicas = max(peakReplicas, r)
                        run(r, hours: n)
                        left -= n
                    }
                    peakReplicas = max(peakReplicas, minReplicas)
                }
            } else {
                factors.withUnsafeBufferPointer { factors in
                    for f in factors {
                        let r = max(minReplicas, ReplicaSizing.ceiling(a * f + b))
                        peakReplicas = max(peakReplicas, r)
                        run(r, hours: 1)
                    }
                }
            }
        } else {
            if let factors = day.hourlyFactors, let first = factors.first {
                // Static (or a day without hours busier than others): the peak hour, all day.
                // The busiest hour needs the most: replicas rise with the factor.
                peakReplicas = replicas(forLoad: interactive * (day.flat ? first : day.largestFactor) + batchLoad)
                _ = factors
            } else {
                // Only the peak is known: no shape to follow, so hourly scaling equals static.
                peakReplicas = replicas(forLoad: interactive * day.peakFactor + batchLoad)
            }
            run(peakReplicas, hours: 24)
        }
        let days = Double(monthDays)
        var lines = CostLines()
        let onDemandHourly = gpuHourly * gpuTrend.factor(month: demand.index)
        var replicaHours = onDemandReplicaHoursPerDay * days
        lines.gpu = onDemandGPUHoursPerDay * days * onDemandHourly
        if let reservation, let held, let reserved {
            // Reserved instances are paid every hour of the term; load above them bursts on demand.
            replicaHours += held * hours
            lines.gpu += reserved.gpus * hours * reservation.hourly
        }
        // The peak hour's GPUs: the reservation's instances and on-demand instances above them.
        let peakGPUs = InstancePacking.paidGPUs(replicas: peakReplicas, onDemand: packing, reserved: held == nil ? nil : reserved)
        return SizedMonth(lines: lines, peakReplicas: peakReplicas, peakGPUs: peakGPUs, replicaHours: replicaHours, servedHours: average * hours)
    }
}

import BreakevenCore

/// Warnings in plain words, from the facts the analysis found (a result file carries the facts
/// only, so a report made from it words them the same way).
enum WarningWording {
    static func sentence(_ w: Warning, in r: BreakevenResult) -> String {
        let label = w.option.map { id in r.options.first { $0.id == id }?.label ?? id } ?? ""
        let f = w.figures
        let money = r.money
        switch w.code {
        case .flatLoadShape:
            return "No load_shape is given, so capacity is sized for a perfectly flat day; real traffic peaks, and peaks need more replicas."
        case .hourlyScalingWithoutShape:
            return "\(label) scales hourly, but the load shape gives only a peak (peak_to_average): with no hours to follow, it is sized for the peak all day, as static scaling would be; give load_shape.hourly to scale hour by hour."
        case .lowUtilization:
            return "\(label) averages \(Verdict.percent(f.share ?? 0)) utilization: most of the capacity paid for sits idle."
        case .noBreakeven:
            let baseline = f.against.map { id in r.options.first { $0.id == id }?.label ?? id } ?? "the baseline"
            return "\(label) does not break even against \(baseline) within \(f.months ?? r.scenario.months) months."
        case .unmetDemand:
            return "\(label) leaves \(Money.grouped(Money.fixed(f.requests ?? 0, decimals: 0))) requests unserved (\(Verdict.percent(f.share ?? 0)) of demand); its cost covers only what it serves."
        case .subscriptionValue:
            return "\(label) is counted at its price (\(money.compact(f.amount ?? 0)) a month); the requests it serves itself would cost \(money.compact(f.value ?? 0)) a month at pay-per-token prices. That is value received, not money spent, so it is not used as the subscription's cost."
        case .noEnergyCost:
            return "\(label) gives no power draw (watts_busy, watts_idle), so electricity is not counted."
        case .smallReplica:
            return "\(label) runs \(f.layout ?? "its replica") with \(smallReplicaTraits(f)): \(layoutAdvice(f))."
        case .stalePrice:
            return "\(label) uses the catalog price \(f.price ?? ""), last seen in force on \(f.lastSeen ?? ""): \(f.days ?? 0) days before as_of \(f.asOf ?? ""), more than \(CatalogPriceAge.limit); it may have changed (the command breakeven catalog update refreshes imported prices)."
        case .commitmentBeyondHorizon:
            let months = f.months ?? 0
            return "\(label) is committed for \(months) \(months == 1 ? "month" : "months") past the end of the horizon: the \(money.amount(f.amount ?? 0)) it still owes then is not in its total. Lengthen months to count it, or weigh it beside the savings."
        case .idleInstanceGPUs:
            let replicas = f.replicas ?? 0, used = f.gpus ?? 0, billed = f.billedGPUs ?? 0
            return "\(label) rents whole instances of \(f.gpusPerInstance ?? 1) GPUs: at its peak (month \(f.month ?? 1)) its \(replicas) \(replicas == 1 ? "replica uses" : "replicas use") \(used) \(used == 1 ? "GPU" : "GPUs") and it pays for \(billed), so \(billed - used) sit idle. Replicas that fill the instances, or an offer that rents fewer GPUs at once (gpus_per_instance), would waste none."
        case .reservationAboveOnDemand:
            let replicas = f.replicas ?? 0, gpus = f.gpus ?? 0
            return "\(label) pays \(money.amount(f.amount ?? 0)) an hour for its \(replicas) reserved \(replicas == 1 ? "replica" : "replicas") (\(gpus) \(gpus == 1 ? "GPU" : "GPUs")), more than the \(money.amount(f.value ?? 0)) they would cost at its on-demand price: reserving raises its cost however busy they are. Reserve only where the on-demand offer cannot supply the GPUs; otherwise drop the reservation, or name a provider so that both prices are that provider's."
        case .offerSpread:
            return "\(label) takes \(f.offer ?? "") at \(money.amount(f.amount ?? 0)) a GPU-hour (\(f.provider ?? "")), the catalog offer for its GPU that costs least for its smallest deployment in whole instances; the dearest, \(f.dearestOffer ?? ""), costs \(money.amount(f.dearestHourly ?? 0)), more than twice as much. The verdict rests on that offer: check that it can supply the GPUs, or name an offer with gpu_offer."
        }
    }

    private static func smallReplicaTraits(_ f: WarningFigures) -> String {
        var what: [String] = []
        if let batch = f.batch { what.append("a batch of \(batch)") }
        if let share = f.share { what.append("a KV cache of \(Money.fixed(share * 100, decimals: 1))% of its memory") }
        return what.joined(separator: " and ")
    }

    private static func layoutAdvice(_ f: WarningFigures) -> String {
        guard let better = f.betterLayout, let perDevice = f.betterOutputPerDevice, let devices = f.betterDevices else {
            return "no other layout on this device does better; a device with more memory, or a smaller precision, would"
        }
        return "\(better) serves \(Money.grouped(Money.fixed(perDevice, decimals: 0))) output tokens/s per device against \(Money.grouped(Money.fixed(f.outputPerDevice ?? 0, decimals: 0))): set tensor_parallel to \(devices)"
            + (f.betterLayoutKind.map { " and layout to \"\($0)\"" } ?? "") + ", or leave both to their defaults"
    }
}

/// A trap a report must make visible, as facts: what it is (a stable code for CI and tooling),
/// the option it concerns, and the figures behind it. The analysis finds them; the reports word
/// them (`WarningWording` in BreakevenReports), so that a result file carries no prose.
public struct Warning: Sendable, Hashable, Codable {
    public var code: WarningCode
    /// The option it concerns; nil for the scenario as a whole.
    public var option: String?
    public var figures: WarningFigures

    init(_ code: WarningCode, option: String? = nil, _ figures: WarningFigures = WarningFigures()) {
        self.code = code
        self.option = option
        self.figures = figures
    }
}

public enum WarningCode: String, Sendable, Hashable, Codable, CaseIterable {
    /// Capacity is sized for a perfectly flat day.
    case flatLoadShape = "flat_load_shape"
    /// Hourly scaling asked for, but the load shape gives only a peak: nothing to follow.
    case hourlyScalingWithoutShape = "hourly_scaling_without_shape"
    /// Most of what is paid for sits idle.
    case lowUtilization = "low_utilization"
    case noBreakeven = "no_breakeven"
    case unmetDemand = "unmet_demand"
    /// A personal subscription's price against the pay-per-token value of what it serves.
    case subscriptionValue = "subscription_value"
    case noEnergyCost = "no_energy_cost"
    /// A derived replica that barely holds its weights: a small batch or a sliver of KV cache.
    case smallReplica = "small_replica"
    /// The catalog's offers for a GPU under one commitment differ by more than 2×: the cheapest
    /// was taken, and the verdict rests on it.
    case offerSpread = "offer_spread"
    /// A catalog price last seen in force long before `as_of`: it may have changed.
    case stalePrice = "stale_price"
    /// Reserved replicas or provisioned units committed for a term that runs past the horizon:
    /// what the commitment still owes then is not in the option's total.
    case commitmentBeyondHorizon = "commitment_beyond_horizon"
    /// Rented GPUs come in whole instances, and at the peak the replicas leave some of the GPUs
    /// paid for without a replica.
    case idleInstanceGPUs = "idle_instance_gpus"
    /// Reserved replicas cost more an hour than the same replicas at the option's on-demand price
    /// (a reservation from one provider, on-demand GPUs from a cheaper one): reserving raises the
    /// cost at any load.
    case reservationAboveOnDemand = "reservation_above_on_demand"
}

/// The figures a warning rests on; each code fills the ones it needs.
public struct WarningFigures: Sendable, Hashable, Codable {
    /// A share from 0 to 1 (utilization, unmet share, KV cache share of memory).
    public var share: Double?
    /// Months of the horizon.
    public var months: Int?
    /// The option compared with (the baseline).
    public var against: String?
    public var requests: Double?
    /// Amounts a month in the scenario's currency: what is paid, and what it is worth.
    public var amount: Double?
    public var value: Double?
    /// A derived replica: its layout and batch, and a layout that serves more per device.
    public var layout: String?
    public var batch: Int?
    public var outputPerDevice: Double?
    public var betterLayout: String?
    public var betterDevices: Int?
    public var betterLayoutKind: String?
    public var betterOutputPerDevice: Double?
    /// GPU offers: the one taken and the dearest.
    public var offer: String?
    public var provider: String?
    public var dearestOffer: String?
    public var dearestHourly: Double?
    /// A catalog price: its id, the day it was last seen in force, and how many days that is before `as_of`.
    public var price: String?
    public var lastSeen: String?
    public var days: Int?
    public var asOf: String?
    /// Whole instances at the peak month: the replicas, the GPUs they use, the GPUs paid for and
    /// the GPUs of an instance.
    public var month: Int?
    public var replicas: Int?
    public var gpus: Int?
    public var billedGPUs: Int?
    public var gpusPerInstance: Int?
}

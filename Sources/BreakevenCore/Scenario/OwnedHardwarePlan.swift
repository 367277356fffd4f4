/// Bought machines: the price up front (or spread), power while on, resale at the end.
struct OwnedHardwarePlan: Sendable, Hashable {
    enum Units: Sendable, Hashable {
        case fixed(Int)
        /// Buy a unit in the month it is first needed.
        case auto
    }

    enum Accounting: String, Sendable, Hashable, CaseIterable {
        /// The price in the purchase month; resale and book value credited back.
        case cash
        /// price × (1 − resale share) / lifetime, every month a unit is owned.
        case amortized
    }

    /// USD per unit at month 1 prices.
    var purchasePrice: Double
    var units: Units
    var throughput: Throughput
    var maxUtilization: Double
    var hoursOnPerDay: Double
    /// Hours on per month, whatever its length (a person's "220 hours a month"); nil: per day.
    var hoursOnPerMonth: Double?
    var wattsBusy: Double
    var wattsIdle: Double
    var electricityPerKWh: Double
    var lifetimeMonths: Int
    var resaleShare: Double
    var accounting: Accounting
    var hardwarePriceChangePerYear: Double
    var outputTokenMultiplier: Double
    var overheads: Overheads

    init(purchasePrice: Double, units: Units = .auto, throughput: Throughput, maxUtilization: Double = 0.7,
                hoursOnPerDay: Double = 24, wattsBusy: Double = 0, wattsIdle: Double = 0, electricityPerKWh: Double = 0,
                lifetimeMonths: Int = 36, resaleShare: Double = 0, accounting: Accounting = .cash,
                hardwarePriceChangePerYear: Double = 0, outputTokenMultiplier: Double = 1, overheads: Overheads = Overheads()) {
        self.purchasePrice = purchasePrice
        self.units = units
        self.throughput = throughput
        self.maxUtilization = maxUtilization
        self.hoursOnPerDay = hoursOnPerDay
        self.hoursOnPerMonth = nil
        self.wattsBusy = wattsBusy
        self.wattsIdle = wattsIdle
        self.electricityPerKWh = electricityPerKWh
        self.lifetimeMonths = lifetimeMonths
        self.resaleShare = resaleShare
        self.accounting = accounting
        self.hardwarePriceChangePerYear = hardwarePriceChangePerYear
        self.outputTokenMultiplier = outputTokenMultiplier
        self.overheads = overheads
    }

    /// Hours each unit is on in a month.
    func hoursOn(in month: CalendarMonth) -> Double {
        OwnedHardwarePlan.hoursOn(in: month, perDay: hoursOnPerDay, perMonth: hoursOnPerMonth)
    }

    /// Hours per month, capped at the month's hours, when given; else hours per day × days.
    static func hoursOn(in month: CalendarMonth, perDay: Double, perMonth: Double?) -> Double {
        perMonth.map { min($0, month.hours) } ?? perDay * Double(month.days)
    }
}

/// How old a catalog price a scenario uses is at its `as_of` day: a report warns when it is older
/// than `CatalogPriceAge.limit` days, naming the price and the day it was last seen in force.
public struct CatalogPriceAge: Sendable, Hashable {
    /// Prices change often enough that one older than this may no longer hold.
    public static let limit = 90

    /// The catalog id (a model, an offer, a machine, a plan).
    public var id: String
    /// The option that uses it.
    public var optionID: String
    /// The day the price was last known in force (a model's last sighting, an offer's date).
    public var lastSeen: CalendarDay
    public var asOf: CalendarDay

    public var days: Int { lastSeen.days(to: asOf) }

    /// Every catalog price the scenario's assumptions name, once per option and id, in the order they appear.
    static func ages(of assumptions: [Assumption], in catalog: CatalogSnapshot, asOf: CalendarDay) -> [CatalogPriceAge] {
        var seen: Set<[String]> = []
        var ages: [CatalogPriceAge] = []
        for assumption in assumptions {
            guard case .catalog(let id, _, _) = assumption.source else { continue }
            let parts = assumption.path.split(separator: ".")
            guard parts.count >= 2, parts[0] == "options" else { continue }
            let option = String(parts[1])
            guard seen.insert([option, id]).inserted, let day = lastSeen(id, in: catalog, asOf: asOf) else { continue }
            ages.append(CatalogPriceAge(id: id, optionID: option, lastSeen: day, asOf: asOf))
        }
        return ages
    }

    /// The day a catalog price was last known in force on `asOf`; nil for an id that is not a price (a GPU's specs).
    private static func lastSeen(_ id: String, in catalog: CatalogSnapshot, asOf: CalendarDay) -> CalendarDay? {
        if let price = catalog.modelPrice(id, asOf: asOf) { return price.lastConfirmed }
        if let offer = catalog.gpuOffer(id, asOf: asOf) { return offer.effectiveFrom }
        if let machine = catalog.hardware(id, asOf: asOf) { return machine.effectiveFrom }
        if let plan = catalog.plan(id, asOf: asOf) { return plan.effectiveFrom }
        return nil
    }
}

extension CalendarDay {
    /// Days from this day to `other` (negative when `other` is earlier).
    public func days(to other: CalendarDay) -> Int {
        other.dayNumber - dayNumber
    }

    /// Days since 1970-01-01 of the proleptic Gregorian calendar (H. Hinnant's days_from_civil).
    var dayNumber: Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yearOfEra = y - era * 400
        let dayOfYear = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }
}

import BreakevenCore

/// How an import dates the prices of a file.
///
/// Price files rarely say since when a price holds. A price without a start date is an
/// *observation*: it was in force on `observedOn` (the file's own date, or the day of the import).
/// If the catalog already has the same price in force that day, the row is *confirmed* (it was
/// seen in force later); if it has another price, the file records a change from `observedOn` on;
/// if the catalog has no price for the model at all, the price is entered from `observedOn`, so a
/// scenario dated before it finds no price rather than today's. The price a dated change replaced
/// (genai-prices' base before a `start_date`) is entered from `unknownStart`, as genai-prices
/// applies it to every earlier request.
///
/// Files leave out what they do not track (genai-prices' data file has no batch prices, LiteLLM no
/// daily windows, many entries no context window). When a file's input and output prices equal the
/// catalog's price in force, what it leaves out is taken from that price, so an omission is not
/// read as a price change. When input or output changed, what the file leaves out stays unknown.
/// Context windows are carried but do not by themselves make a new price row. Between sources,
/// `PriceOrigin`'s precedence decides.
public struct PriceImportOptions: Sendable, Hashable {
    /// The day the file's prices were known to be in force: its own date or the import's.
    public var observedOn: CalendarDay
    /// Whether `observedOn` is the file's own date or the day of the import (shown in `catalog history`).
    public var observedDating: PriceDating
    /// The effective date given to the price before a dated change, whose start no source tells.
    var unknownStart: CalendarDay

    public static let defaultUnknownStart = CalendarDay(year: 2000, month: 1, day: 1)

    public init(observedOn: CalendarDay, dating: PriceDating = .fileDate,
                unknownStart: CalendarDay = PriceImportOptions.defaultUnknownStart) {
        self.observedOn = observedOn
        self.observedDating = dating
        self.unknownStart = unknownStart
    }
}

/// One price a file states for a model, with what the file says about its dates.
struct PriceObservation: Equatable {
    enum Dating: Equatable {
        /// In force from this day on (genai-prices `constraint.start_date`).
        case from(CalendarDay)
        /// In force on this day; start unknown.
        case observed(CalendarDay)
        /// In force until the day before this one, when a dated change took over; start unknown.
        case before(CalendarDay)
    }

    var price: ModelPrice
    var dating: Dating
}

/// A price file read into observations, before anything touches the database.
struct ParsedPriceFile: Equatable {
    var entries = 0
    var observations: [PriceObservation] = []
    var skipped: [String: Int] = [:]

    mutating func skip(_ reason: String) {
        skipped[reason, default: 0] += 1
    }
}

extension ParsedPriceFile {
    /// Whether a provider or model name can make a catalog id: not empty, no control characters
    /// (no real name has one; SQLite's `length()` stops at a NUL, so an id starting with one broke
    /// the catalog's checks and the import ended in a raw SQLite error, exit 1).
    static func isUsableName(_ name: String) -> Bool {
        !name.isEmpty && !name.unicodeScalars.contains { $0.properties.generalCategory == .control }
    }
}

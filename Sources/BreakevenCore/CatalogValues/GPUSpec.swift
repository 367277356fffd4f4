/// A GPU's datasheet figures that decide inference speed, with its power and where they come from.
public struct GPUSpec: Sendable, Hashable {
    /// e.g. `h100-sxm`
    public var id: String
    public var name: String
    public var datasheet: Datasheet
    public var tdpWatts: Double
    public var source: String
    /// When `source` was read; nil when not recorded.
    public var retrievedOn: CalendarDay?

    public init(id: String, name: String, datasheet: Datasheet, tdpWatts: Double, source: String, retrievedOn: CalendarDay? = nil) {
        self.id = id
        self.name = name
        self.datasheet = datasheet
        self.tdpWatts = tdpWatts
        self.source = source
        self.retrievedOn = retrievedOn
    }
}

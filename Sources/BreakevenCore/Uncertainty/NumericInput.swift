/// One number of a checked scenario that a Monte Carlo trial, a tornado bar or a sweep axis
/// may change, named by its `--set` path.
public struct NumericInput: Sendable, Hashable {
    /// As `--set` takes it: `options.self.gpu_hourly`.
    public var path: String
    /// Its value in the scenario (written, from the catalog, or the default).
    public var nominal: Double
    public var range: InputRange

}

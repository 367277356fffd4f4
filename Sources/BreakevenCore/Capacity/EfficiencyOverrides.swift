/// Scenario (or calibration) values that replace the default efficiencies; nil keeps the default.
public struct EfficiencyOverrides: Sendable, Hashable {
    public var memoryBandwidthUtilization: Double?
    public var computeUtilization: Double?
    var memoryReserveShare: Double?
    /// Milliseconds each step spends outside arithmetic and memory traffic.
    public var stepOverheadMs: Double?


    public static let none = EfficiencyOverrides()
}

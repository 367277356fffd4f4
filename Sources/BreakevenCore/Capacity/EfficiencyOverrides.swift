/// Scenario values that replace the default efficiencies; nil keeps the default.
public struct EfficiencyOverrides: Sendable, Hashable, Codable {
    public var memoryBandwidthUtilization: Double?
    public var computeUtilization: Double?
    public var memoryReserveShare: Double?

    public init(memoryBandwidthUtilization: Double? = nil, computeUtilization: Double? = nil,
                memoryReserveShare: Double? = nil) {
        self.memoryBandwidthUtilization = memoryBandwidthUtilization
        self.computeUtilization = computeUtilization
        self.memoryReserveShare = memoryReserveShare
    }

    public static let none = EfficiencyOverrides()
}

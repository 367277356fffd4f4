/// How a GPU rental is committed to: the longer the commitment, the lower the hourly price.
public enum GPUCommitment: String, Sendable, Hashable, Decodable, CaseIterable {
    case onDemand = "on_demand"
    case reserved1y = "reserved_1y"
    case reserved3y = "reserved_3y"
    case spot

    /// The months a commitment binds every GPU for; nil: by the hour.
    var termMonths: Int? {
        switch self {
        case .reserved1y: 12
        case .reserved3y: 36
        case .onDemand, .spot: nil
        }
    }

    /// The reservation sold for exactly `termMonths`; nil for a term no catalog offer runs for.
    static func reserved(termMonths: Int) -> GPUCommitment? {
        allCases.first { $0.termMonths == termMonths }
    }

    /// The terms reservations are sold for, for a message: `12 (reserved_1y)`.
    static var soldTerms: [String] {
        allCases.compactMap { c in c.termMonths.map { "\($0) (\(c.rawValue))" } }
    }
}

/// One provider's price for one GPU-hour under one commitment, from a date on, and how many GPUs
/// it rents at once: an 8-GPU instance (AWS p5.48xlarge, GCP a3-highgpu-8g) is billed whole.
public struct GPUOffer: Sendable, Hashable, Decodable {
    /// e.g. `h100-sxm/lambda/on_demand`
    public var id: String
    public var gpu: String
    public var provider: String
    public var commitment: GPUCommitment
    /// USD per GPU-hour.
    public var hourly: Double
    /// GPUs the provider rents together (the instance the price is quoted for): a deployment pays
    /// for every GPU of each instance it starts, busy or not.
    public var gpusPerInstance: Int
    public var effectiveFrom: CalendarDay
    public var source: String

    public init(id: String, gpu: String, provider: String, commitment: GPUCommitment, hourly: Double,
                gpusPerInstance: Int = 1, effectiveFrom: CalendarDay, source: String) {
        self.id = id
        self.gpu = gpu
        self.provider = provider
        self.commitment = commitment
        self.hourly = hourly
        self.gpusPerInstance = gpusPerInstance
        self.effectiveFrom = effectiveFrom
        self.source = source
    }
}

/// What sizing for the peak reads of a load shape, worked out once: the 24 hourly factors (nil
/// where only the peak is known), their distinct values largest first with the hours of each, the
/// largest, whether every hour is alike, and the peak factor.
struct DayProfile {
    let hourlyFactors: [Double]?
    /// Replicas rise with the factor, so the hourly sizing takes one ceiling per distinct factor
    /// and stops at the first that needs no more than `min_replicas`.
    let distinct: [(factor: Double, hours: Double)]
    let largestFactor: Double
    /// Every hour's factor is the same: one hour stands for the whole day.
    let flat: Bool
    let peakFactor: Double

    init(_ shape: LoadShape) {
        let factors = shape.hourlyFactors
        hourlyFactors = factors
        distinct = DayProfile.distinct(factors ?? [])
        largestFactor = factors?.max() ?? 1
        flat = factors.map { f in f.allSatisfy { $0 == f.first } } ?? false
        peakFactor = shape.peakFactor
    }

    /// The distinct hourly factors, largest first, each with its number of hours.
    static func distinct(_ factors: [Double]) -> [(factor: Double, hours: Double)] {
        var shape: [(factor: Double, hours: Double)] = []
        for f in factors.sorted(by: >) {
            if let last = shape.last, last.factor == f { shape[shape.count - 1].hours += 1 } else { shape.append((f, 1)) }
        }
        return shape
    }
}

/// A sweep's results: every option's totals at every point of a 1-D or 2-D grid of input
/// values, and the frontier where the chosen option starts (or stops) being cheaper than the
/// baseline. Points go x fastest: point (i, j) is index j·nx + i.
public struct SweepGrid: Sendable, Hashable {
    public let scenarioName: String
    /// The scenario's currency code: what the savings are counted in.
    public let currency: String
    public let months: Int
    public let x: SweepAxis
    public let y: SweepAxis?
    /// The values evaluated along each axis (integer inputs rounded).
    public let xValues: [Double]
    public let yValues: [Double]
    /// The scenario's own values of the inputs, to mark where it stands.
    public let xNominal: Double
    public let yNominal: Double?
    public let metric: SweepMetric
    public let optionIDs: [String]
    public let optionLabels: [String]
    public let baselineIndex: Int
    /// The option whose savings and breakeven month the grid shows.
    public let optionIndex: Int
    /// Point-major, options inner; NaN totals where a point could not be built.
    let totals: [OptionTotals]


    public var nx: Int { xValues.count }
    /// 1 for a 1-D sweep.
    public var ny: Int { yValues.count }

    public func totals(_ i: Int, _ j: Int, option k: Int) -> OptionTotals {
        totals[(j * nx + i) * optionIDs.count + k]
    }

    /// The chosen option's savings against the baseline at (i, j).
    public func savings(_ i: Int, _ j: Int) -> Double {
        totals(i, j, option: baselineIndex).totalCost - totals(i, j, option: optionIndex).totalCost
    }

    public func breakevenMonth(_ i: Int, _ j: Int) -> Int? {
        totals(i, j, option: optionIndex).breakevenMonth
    }

    /// The option with the lowest total at (i, j) (a tie goes to the option listed first).
    public func cheapest(_ i: Int, _ j: Int) -> Int {
        var best = 0
        for k in optionIDs.indices where totals(i, j, option: k).totalCost < totals(i, j, option: best).totalCost { best = k }
        return best
    }

    /// Where the chosen option's savings cross zero along x in row j: the fractional x index
    /// (linear between grid points, in the axis's own scale) and whether it becomes cheaper there.
    public struct Crossing: Sendable, Hashable {
        public var index: Double
        public var value: Double
        /// true: cheaper above it (savings rise through zero); false: cheaper below it.
        public var cheaperAbove: Bool
    }

    public func crossings(row j: Int) -> [Crossing] {
        var out: [Crossing] = []
        for i in 0..<(nx - 1) {
            let a = savings(i, j), b = savings(i + 1, j)
            guard a.isFinite, b.isFinite, (a < 0) != (b < 0) else { continue }
            let u = Double(i) + a / (a - b)
            out.append(Crossing(index: u, value: x.value(atIndex: u), cheaperAbove: b >= 0))
        }
        return out
    }

    /// Where the cheapest option changes along x in row j: the fractional index where the two
    /// options' totals meet (linear between grid points), and which option is cheapest after it.
    public func cheapestChanges(row j: Int) -> [(index: Double, value: Double, to: Int)] {
        var out: [(index: Double, value: Double, to: Int)] = []
        for i in 0..<(nx - 1) {
            let a = cheapest(i, j), b = cheapest(i + 1, j)
            guard a != b else { continue }
            // d = total_b − total_a: above zero at i (a cheaper), at or below zero at i + 1.
            let d0 = totals(i, j, option: b).totalCost - totals(i, j, option: a).totalCost
            let d1 = totals(i + 1, j, option: b).totalCost - totals(i + 1, j, option: a).totalCost
            let t = d0 - d1 != 0 && d0.isFinite && d1.isFinite ? min(1, max(0, d0 / (d0 - d1))) : 0.5
            out.append((Double(i) + t, x.value(atIndex: Double(i) + t), b))
        }
        return out
    }

    /// The zero contour of the chosen option's savings over a 2-D grid (marching squares), as
    /// segments between fractional (x index, y index) points: the breakeven frontier.
    public func frontier() -> [(from: (Double, Double), to: (Double, Double))] {
        guard ny > 1 else { return [] }
        var segments: [(from: (Double, Double), to: (Double, Double))] = []
        for j in 0..<(ny - 1) {
            for i in 0..<(nx - 1) {
                let corners = [(Double(i), Double(j), savings(i, j)), (Double(i + 1), Double(j), savings(i + 1, j)),
                               (Double(i + 1), Double(j + 1), savings(i + 1, j + 1)), (Double(i), Double(j + 1), savings(i, j + 1))]
                guard corners.allSatisfy({ $0.2.isFinite }) else { continue }
                var points: [(Double, Double)] = []
                for e in 0..<4 {
                    let p = corners[e], q = corners[(e + 1) % 4]
                    guard (p.2 < 0) != (q.2 < 0) else { continue }
                    let t = p.2 / (p.2 - q.2)
                    points.append((p.0 + t * (q.0 - p.0), p.1 + t * (q.1 - p.1)))
                }
                if points.count == 2 {
                    segments.append((points[0], points[1]))
                } else if points.count == 4 {
                    // A saddle: pair the crossings by the sign at the cell's centre.
                    let centre = corners.reduce(0) { $0 + $1.2 } / 4
                    if (centre < 0) == (corners[0].2 < 0) {
                        segments.append((points[0], points[3]))
                        segments.append((points[1], points[2]))
                    } else {
                        segments.append((points[0], points[1]))
                        segments.append((points[2], points[3]))
                    }
                }
            }
        }
        return segments
    }
}

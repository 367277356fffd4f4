import Foundation

/// One axis of a sweep: an input and the values it takes, `PATH=LO..HI[:N][:log]` on the
/// command line: N points (default 50) from LO to HI, evenly spaced or, with `log`, evenly
/// spaced in logarithm (requests per month from 1e5 to 1e9).
public struct SweepAxis: Sendable, Hashable {
    public static let defaultCount = 50
    public static let maxCount = 1000

    public var path: String
    public var lower: Double
    public var upper: Double
    public var count: Int
    public var logarithmic: Bool
    /// As given, for messages: `--x workload.requests_per_month=1e5..1e9:60:log`.
    public var argument: String
    /// The input's human name and unit, from the language's doc ("GPU price", money per
    /// GPU-hour); nil until the sweep has found the input.
    public var title: String?
    public var unit: ValueUnit?

    public init(path: String, lower: Double, upper: Double, count: Int = SweepAxis.defaultCount, logarithmic: Bool = false, flag: String = "--x") {
        self.path = path
        self.lower = lower
        self.upper = upper
        self.count = count
        self.logarithmic = logarithmic
        argument = "\(flag) \(path)=\(NumberBounds.format(lower))..\(NumberBounds.format(upper)):\(count)" + (logarithmic ? ":log" : "")
    }

    /// Parses `PATH=LO..HI[:N][:log]` given to `flag`.
    public static func parse(_ text: String, flag: String) throws(SweepProblem) -> SweepAxis {
        let argument = "\(flag) \(text)"
        let usage = SweepProblem("\(argument): expected PATH=LO..HI[:N][:log], such as workload.requests_per_month=1e5..1e9:50:log")
        guard let eq = text.firstIndex(of: "="), eq != text.startIndex else { throw usage }
        let path = String(text[..<eq])
        var parts = text[text.index(after: eq)...].split(separator: ":", omittingEmptySubsequences: false).map(String.init)
        var logarithmic = false
        if parts.count > 1, parts.last == "log" {
            logarithmic = true
            parts.removeLast()
        }
        guard (1...2).contains(parts.count), let range = parts.first?.range(of: "..") else { throw usage }
        let bounds = parts[0]
        guard let lower = Double(bounds[..<range.lowerBound]), let upper = Double(bounds[range.upperBound...]),
              lower.isFinite, upper.isFinite else { throw usage }
        var count = defaultCount
        if parts.count == 2 {
            guard let n = Int(parts[1]), (2...maxCount).contains(n) else {
                throw SweepProblem("\(argument): expected from 2 to \(maxCount) points, found \"\(parts[1])\"")
            }
            count = n
        }
        guard lower < upper else { throw SweepProblem("\(argument): expected LO below HI, found \(bounds)") }
        if logarithmic, lower <= 0 {
            throw SweepProblem("\(argument): a log axis needs LO above 0, found \(bounds[..<range.lowerBound])")
        }
        var axis = SweepAxis(path: path, lower: lower, upper: upper, count: count, logarithmic: logarithmic)
        axis.argument = argument
        return axis
    }

    /// The N values, LO and HI exact at the ends.
    public var values: [Double] {
        (0..<count).map(value(atIndex:))
    }

    /// The value at a fractional index (0 = LO, count − 1 = HI): where the grid lines fall, and
    /// where an interpolated crossing lies.
    public func value(atIndex u: Double) -> Double {
        if u == 0 { return lower }
        if u == Double(count - 1) { return upper }
        let t = u / Double(count - 1)
        return logarithmic ? exp(log(lower) + t * (log(upper) - log(lower))) : lower + t * (upper - lower)
    }

    public func value(atIndex i: Int) -> Double { value(atIndex: Double(i)) }

    /// The fractional index of a value (its position along the axis), for marking a point.
    public func index(of x: Double) -> Double {
        let t = logarithmic ? (log(x) - log(lower)) / (log(upper) - log(lower)) : (x - lower) / (upper - lower)
        return t * Double(count - 1)
    }
}

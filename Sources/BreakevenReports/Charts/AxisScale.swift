import BreakevenCore
import Foundation

/// A money axis of the cost charts: `NiceTicks` from 0 and the data (steps of 1, 2, 2.5 or 5 ×
/// a power of ten), with its labels.
struct AxisScale: Sendable, Hashable {
    var min: Double
    var max: Double
    var step: Double
    var ticks: [Double]
    var money: MoneyFormat

    /// A range from the data (always including 0) with about `target` steps.
    init(values: [Double], money: MoneyFormat, target: Int = 5) {
        self.money = money
        let nice = NiceTicks(values.min() ?? 0, values.max() ?? 0, count: target, mantissas: NiceTicks.withTwoAndAHalf, includeZero: true)
        min = nice.lower
        max = nice.upper
        step = nice.step
        ticks = nice.ticks
    }

    /// An axis on ticks already chosen (a tornado's, a sweep's), labelled in one unit.
    init(_ nice: NiceTicks, money: MoneyFormat) {
        self.money = money
        min = nice.lower
        max = nice.upper
        step = nice.step
        ticks = nice.ticks
    }

    /// The unit ticks are written in: 1e6 for "$1.5M", 1e3 for "$250k", 1 for "$40".
    var unit: (value: Double, suffix: String) {
        let largest = Swift.max(abs(min), abs(max))
        if largest >= 1e9 { return (1e9, "B") }
        if largest >= 1e6 { return (1e6, "M") }
        if largest >= 1e3 { return (1e3, "k") }
        return (1, "")
    }

    /// "$1.5M", "$0", "-$250k": as many decimals as the step needs.
    func label(_ x: Double) -> String {
        let (scale, suffix) = unit
        // The fewest decimals that write the step exactly: 2.5k needs one, 250 none.
        let unitStep = step / scale
        let decimals = (0...6).first { d in
            let scaled = unitStep * pow(10, Double(d))
            return abs(scaled - scaled.rounded()) < 1e-6
        } ?? 6
        let text = Money.trimmed(Money.fixed(abs(x) / scale, decimals: decimals))
        if text == "0" { return money.sign + "0" }
        return (x < 0 ? "-" : "") + money.sign + text + suffix
    }
}

import BreakevenCore

/// The formatting value of each thing a renderer draws: amounts in the currency it counts in.
extension BreakevenResult {
    public var money: MoneyFormat { MoneyFormat(code: scenario.currency) }
}

extension DiffSide {
    public var money: MoneyFormat { MoneyFormat(code: currency) }
}

extension SweepGrid {
    public var money: MoneyFormat { MoneyFormat(code: currency) }
}

extension ScenarioComparison {
    public var money: MoneyFormat { MoneyFormat(code: currency) }
}

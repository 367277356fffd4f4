extension MonteCarloRun {
    /// Bins of the savings histogram in the result.
    static let histogramBins = 20

    /// Each option's ranges and odds over the trials that were built, in the scenario's order.
    var optionSummaries: [OptionUncertainty] {
        let kept = (0..<trials).filter(succeeded)
        let n = Double(max(1, kept.count))
        var cheapestCount = [Int](repeating: 0, count: optionIDs.count)
        for t in kept { cheapestCount[cheapest(trial: t)] += 1 }
        let baseline = kept.map { totals(trial: $0, option: baselineIndex) }
        return optionIDs.indices.map { k in
            let option = kept.map { totals(trial: $0, option: k) }
            let savings = zip(baseline, option).map { $0.totalCost - $1.totalCost }
            let npvSavings = zip(baseline, option).map { $0.npv - $1.npv }
            let isBaseline = k == baselineIndex
            let months = option.map(\.breakevenMonth)
            let zero = Percentiles(p10: 0, p50: 0, p90: 0, mean: 0)
            return OptionUncertainty(
                totalCost: Percentiles(option.map(\.totalCost)) ?? zero,
                npv: Percentiles(option.map(\.npv)) ?? zero,
                savingsVsBaseline: Percentiles(savings) ?? zero,
                npvSavingsVsBaseline: isBaseline ? nil : Percentiles(npvSavings),
                breakevenMonth: isBaseline ? nil : MonthPercentiles(months),
                probabilityBreakeven: isBaseline ? nil : Double(months.filter { $0 != nil }.count) / n,
                probabilityCheapest: Double(cheapestCount[k]) / n,
                savingsHistogram: isBaseline ? nil : Histogram(savings, bins: MonteCarloRun.histogramBins))
        }
    }

    /// The run as the result JSON describes it: trials, seed and what was drawn of each input.
    var summary: UncertaintySummary {
        let kept = (0..<trials).filter(succeeded)
        let inputs = plan.inputs.enumerated().map { j, u in
            UncertaintySummary.Input(path: u.path, distribution: u.distribution.text + (u.note.map { " (\($0))" } ?? ""), nominal: u.input.nominal,
                                     sampled: Percentiles(kept.map { value(trial: $0, input: j) })
                                         ?? Percentiles(p10: u.input.nominal, p50: u.input.nominal, p90: u.input.nominal, mean: u.input.nominal))
        }
        let correlations = plan.correlations.map { c in
            UncertaintySummary.Correlation(
                between: [plan.inputs[c.first].path, plan.inputs[c.second].path], rankCorrelation: c.rank,
                achieved: InputCorrelation.spearman(kept.map { value(trial: $0, input: c.first) }, kept.map { value(trial: $0, input: c.second) }))
        }
        return UncertaintySummary(trials: trials, seed: plan.seed, failedTrials: failedTrials, inputs: inputs,
                                  correlations: correlations.isEmpty ? nil : correlations)
    }
}

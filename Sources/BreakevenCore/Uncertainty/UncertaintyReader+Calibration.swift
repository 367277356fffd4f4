import Foundation

extension UncertaintyReader {
    /// The 90th percentile of a standard normal: a lognormal with log-sd σ has its p90 at e^(1.2816 σ).
    static let normalP90 = 1.2815515655446004

    /// One uncertain `efficiency.throughput_scale` for each derived option whose calibration left a
    /// residual error, unless the scenario lists that path itself. The residual is the root mean
    /// square of ln(predicted / measured) over the calibration's points, so it is the log-sd of the
    /// model's error: the scale is lognormal around 1 with that spread (median 1, p90 e^(1.2816 r)).
    static func calibrationInputs(_ resolved: ResolvedScenario, known: ScenarioInputs, listed: Set<String>) -> [UncertainInput] {
        resolved.options.compactMap { option in
            guard let derivation = (option.settings as? any DerivingSettings)?.derivation, derivation.derived,
                  let calibration = derivation.calibration, calibration.residual > 0 else { return nil }
            let path = "options.\(option.id).efficiency.throughput_scale"
            guard !listed.contains(path), case .success(let input) = known.resolve(path) else { return nil }
            let p90 = exp(normalP90 * calibration.residual)
            return UncertainInput(input: input, distribution: .lognormal(median: input.nominal, p90: input.nominal * p90),
                                  note: "the residual error of calibration \(calibration.name), \(Money.fixed(calibration.residual * 100, decimals: 1))%")
        }
    }
}

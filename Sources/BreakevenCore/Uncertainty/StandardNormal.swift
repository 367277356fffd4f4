import Foundation

/// The standard normal distribution's CDF and its inverse, to double precision.
enum StandardNormal {
    /// Φ(z) = erfc(−z/√2)/2 (erfc keeps the lower tail accurate).
    static func cdf(_ z: Double) -> Double {
        0.5 * erfc(-z / 2.0.squareRoot())
    }

    /// Φ⁻¹(p) for 0 < p < 1: Acklam's rational approximation (relative error 1.15e-9), then one
    /// Halley step on Φ, which brings it to full double precision.
    static func quantile(_ p: Double) -> Double {
        if p <= 0 { return -.infinity }
        if p >= 1 { return .infinity }
        var x: Double
        if p < 0.02425 {
            x = tail((-2 * log(p)).squareRoot())
        } else if p <= 1 - 0.02425 {
            let q = p - 0.5, r = q * q
            let numerator = (((((-3.969683028665376e+01 * r + 2.209460984245205e+02) * r - 2.759285104469687e+02) * r
                + 1.383577518672690e+02) * r - 3.066479806614716e+01) * r + 2.506628277459239e+00) * q
            let denominator = ((((-5.447609879822406e+01 * r + 1.615858368580409e+02) * r - 1.556989798598866e+02) * r
                + 6.680131188771972e+01) * r - 1.328068155288572e+01) * r + 1
            x = numerator / denominator
        } else {
            x = -tail((-2 * log(1 - p)).squareRoot())
        }
        // Halley's step: e = Φ(x) − p, u = e·√(2π)·e^(x²/2).
        let e = cdf(x) - p
        let u = e * (2 * Double.pi).squareRoot() * exp(x * x / 2)
        x -= u / (1 + x * u / 2)
        return x
    }

    /// Acklam's lower-tail rational function of q = √(−2 ln p).
    private static func tail(_ q: Double) -> Double {
        let numerator = ((((-7.784894002430293e-03 * q - 3.223964580411365e-01) * q - 2.400758277161838e+00) * q
            - 2.549732539343734e+00) * q + 4.374664141464968e+00) * q + 2.938163982698783e+00
        let denominator = (((7.784695709041462e-03 * q + 3.224671290700398e-01) * q + 2.445134137142996e+00) * q
            + 3.754408661907416e+00) * q + 1
        return numerator / denominator
    }
}

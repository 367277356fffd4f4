/// Time-of-day prices (e.g. an off-peak discount) as one effective price: each window's price
/// weighted by the share of the day's load that falls in it (genai-prices' time constraints,
/// evaluated against the workload's hourly shape; flat when it has none).
enum TimeOfDayWeighting {
    static func weighted(_ standard: TokenPrices, windows: [TimeOfDayPrice], loadShape: LoadShape) -> TokenPrices {
        let factors = loadShape.hourlyFactors ?? Array(repeating: 1, count: 24)
        var input = 0.0, cached = 0.0, output = 0.0
        for hour in 0..<24 {
            let share = factors[hour] / 24
            // Minutes of this hour that each window covers; the rest pays the standard price.
            var covered = 0.0
            var hourInput = 0.0, hourCached = 0.0, hourOutput = 0.0
            for w in windows {
                let minutes = overlap(hour: hour, window: w)
                guard minutes > 0 else { continue }
                covered += minutes
                hourInput += minutes * w.inputPerMTok
                hourCached += minutes * (w.cachedInputPerMTok ?? w.inputPerMTok)
                hourOutput += minutes * w.outputPerMTok
            }
            let rest = max(0, 60 - covered)
            input += share * (hourInput + rest * standard.input) / 60
            cached += share * (hourCached + rest * standard.cachedInput) / 60
            output += share * (hourOutput + rest * standard.output) / 60
        }
        return TokenPrices(input: input, cachedInput: cached, output: output)
    }

    /// Minutes of [hour, hour + 1) inside the window [start, end), which may wrap past midnight.
    static func overlap(hour: Int, window w: TimeOfDayPrice) -> Double {
        let start = Double(w.startHour * 60 + (w.startMinute ?? 0))
        var end = Double(w.endHour * 60 + (w.endMinute ?? 0))
        if end <= start { end += 24 * 60 }
        let h0 = Double(hour * 60)
        var total = 0.0
        for shift: Double in [0, 1440] {
            let lo = max(start, h0 + shift), hi = min(end, h0 + 60 + shift)
            total += max(0, hi - lo)
        }
        return total
    }
}

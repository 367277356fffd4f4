import BreakevenCore

/// The charts `run` writes beside NAME.md: NAME.cumulative.svg and NAME.monthly.svg.
public enum ChartReport {
    public static func cumulativeSVG(_ result: BreakevenResult) -> String {
        SVGChart.render(.cumulative(result), subtitle: subtitle(result))
    }

    public static func monthlySVG(_ result: BreakevenResult) -> String {
        SVGChart.render(.monthly(result), subtitle: subtitle(result))
    }

    /// The chart files of the report named `name`, in the order written.
    public static func fileNames(_ name: String) -> (cumulative: String, monthly: String) {
        ("\(name).cumulative.svg", "\(name).monthly.svg")
    }

    static func subtitle(_ r: BreakevenResult) -> String {
        let s = r.scenario
        return "\(s.name) · \(months(s.months)) from \(MonthAxis.label(s.start)) · amounts in \(s.currency)"
    }

    /// "1 month", "36 months".
    static func months(_ n: Int) -> String {
        n == 1 ? "1 month" : "\(n) months"
    }
}

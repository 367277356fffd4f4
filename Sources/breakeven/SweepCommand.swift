import ArgumentParser
import BreakevenCore
import BreakevenReports
import Foundation

struct SweepCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sweep",
        abstract: "Evaluate a scenario over a grid of one or two inputs and map where an option pays off.",
        discussion: """
            Writes DIR/NAME.sweep.csv (every point), NAME.sweep.md (the frontier row by row) and NAME.sweep.svg \
            (a heatmap with the breakeven frontier, or a line chart for one axis). An axis is PATH=LO..HI[:N][:log]: \
            N points (default 50) from LO to HI, evenly spaced or, with log, evenly spaced in logarithm.
            """
    )

    @Argument(help: "A scenario file (JSON).")
    var scenario: String

    @Option(name: .customLong("x"), help: ArgumentHelp("The input along x, e.g. workload.requests_per_month=1e5..1e9:60:log.", valueName: "PATH=LO..HI[:N][:log]"))
    var xAxis: String

    @Option(name: .customLong("y"), help: ArgumentHelp("The input along y, e.g. options.self.gpu_hourly=1..4:40.", valueName: "PATH=LO..HI[:N][:log]"))
    var yAxis: String?

    @Option(help: ArgumentHelp("cheapest, savings or breakeven_month.", valueName: "METRIC"))
    var metric = "savings"

    @Option(help: "The option whose savings and breakeven month to map (default: the one that saves most at the scenario's values).")
    var option: String?

    @OptionGroup var out: OutputOptions
    @OptionGroup var overrides: OverrideOptions
    @OptionGroup var threads: ThreadOptions
    @OptionGroup var catalog: CatalogOptions

    func run() throws {
        let chosenMetric: SweepMetric
        let x: SweepAxis
        var y: SweepAxis?
        do throws(SweepProblem) {
            chosenMetric = try SweepMetric.parse(metric)
            x = try SweepAxis.parse(xAxis, flag: "--x")
            if let yAxis { y = try SweepAxis.parse(yAxis, flag: "--y") }
        } catch {
            throw CommandFailure(ExitStatus.usage, error.message)
        }
        try ScenarioFile.checkReportNames([scenario])
        let snapshot = try catalog.load().snapshot
        guard let file = try ScenarioFile.loadAll([scenario], overrides: overrides.values, catalog: snapshot).first else { return }
        let points = x.count * (y?.count ?? 1)
        let bar = ProgressBar(total: points, label: "\(file.name): sweep")
        defer { bar.finish() }
        let grid: SweepGrid
        do throws(SweepProblem) {
            grid = try Sweep.run(file.loaded, x: x, y: y,
                                 metric: chosenMetric, option: option, threads: threads.count,
                                 progress: { bar.advance($0) })
        } catch {
            throw CommandFailure(error.isInvalidScenario ? ExitStatus.dataError : ExitStatus.usage, error.message)
        }
        bar.finish()
        let base = out.path(file.name)
        var files = OutputFiles()
        files.add(base + ".sweep.csv", SweepCSV.render(grid))
        files.add(base + ".sweep.md", SweepReport.render(grid, name: file.name, command: command))
        files.add(base + ".sweep.svg", SweepChart.render(grid))
        try files.write()
        Terminal.out("\(SweepChart.title(grid)): \(points) points → \(base).sweep.{md,csv,svg}")
    }

    /// The command that reproduces these files (no --out, --threads or --catalog path of this machine).
    private var command: String {
        var words = ["breakeven sweep", Self.quote(scenario), "--x", Self.quote(xAxis)]
        if let yAxis { words += ["--y", Self.quote(yAxis)] }
        words += ["--metric", metric]
        if let option { words += ["--option", Self.quote(option)] }
        words += overrides.values.flatMap { ["--set", Self.quote($0)] }
        return words.joined(separator: " ")
    }

    static func quote(_ word: String) -> String {
        let safe = word.unicodeScalars.allSatisfy { ("a"..."z").contains($0) || ("A"..."Z").contains($0) || ("0"..."9").contains($0) || "-_./=:,+@%".unicodeScalars.contains($0) }
        return safe && !word.isEmpty ? word : "'" + word.replacingOccurrences(of: "'", with: "'\\''") + "'"
    }
}

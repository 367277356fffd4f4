import ArgumentParser
import BreakevenCore
import BreakevenUsage
import Foundation

struct FitCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "fit",
        abstract: "Fit a workload block to the usage database: volume, growth, request sizes, shares, load shape, actual months.",
        discussion: """
            Writes {"workload": …, "fit": …} to --out, or replaces the workload of --into SCENARIO (atomically; \
            everything else kept, and start moved to the first projected month if it was earlier). Only complete \
            months count. Exports without request counts (Anthropic, Bedrock CUR, FOCUS) need --tokens-per-request \
            or --requests-from.
            """
    )

    @OptionGroup var models: ModelOptions

    @Option(help: ArgumentHelp("The first month to fit.", valueName: "YYYY-MM"))
    var since: String?

    @Option(help: ArgumentHelp("The last month to fit.", valueName: "YYYY-MM"))
    var until: String?

    @Option(help: ArgumentHelp("The time zone of the hourly load shape (IANA name, e.g. Europe/Paris).", valueName: "TZ"))
    var timezone = "UTC"

    @Flag(help: "Also write an uncertainty block: the fitted figures with their standard errors.")
    var uncertainty = false

    @OptionGroup var counting: RequestCountingOptions

    @Option(help: ArgumentHelp("Write the fitted workload and diagnostics to FILE.", valueName: "FILE"))
    var out: String?

    @Option(help: ArgumentHelp("Replace the workload of this scenario file.", valueName: "SCENARIO"))
    var into: String?

    @OptionGroup var usage: UsageOptions
    @OptionGroup var catalog: CatalogOptions

    func validate() throws {
        if (out == nil) == (into == nil) { throw ValidationError("give exactly one of --out FILE and --into SCENARIO") }
        for (name, value) in [("since", since), ("until", until)] {
            if let value, CalendarMonth(value) == nil { throw ValidationError("--\(name): expected a month YYYY-MM, found \"\(value)\"") }
        }
        if TimeZone(identifier: timezone) == nil { throw ValidationError("--timezone: unknown time zone \"\(timezone)\"; give an IANA name such as Europe/Paris or UTC") }
    }

    func run() throws {
        let original = try into.map(FitCommand.read)
        let currency = original.map { bytes in (try? JSONParser.parse(bytes))?["currency"]?.string ?? "USD" }
        let snapshot = try catalog.load().snapshot
        let store = try usage.openForReading()
        let (history, models) = try usage.history(store, patterns: self.models.patterns)
        // Cliffs that bill whole requests: the catalog's, and the scenario's own written tiers.
        var thresholds = Set(snapshot.modelPrices.flatMap { $0.longContext.map(\.aboveInputTokens) })
        if let original, let scenario = try? ScenarioLoader.load(original, file: into ?? "", catalog: snapshot).scenario {
            for p in scenario.options.compactMap(\.apiPricing) { thresholds.formUnion(p.tiers.map(\.aboveInputTokens).filter { $0 > 0 }) }
        }
        let options = FitOptions(since: since.flatMap(CalendarMonth.init), until: until.flatMap(CalendarMonth.init),
                                 timeZone: TimeZone(identifier: timezone) ?? .current, uncertainty: uncertainty,
                                 tokensPerRequest: counting.tokensPerRequest, requestsFrom: counting.requestsFrom,
                                 longContextThresholds: thresholds.sorted(), currency: currency)
        let fitted: FittedWorkload
        do {
            fitted = try WorkloadFit.fit(history, options)
        } catch {
            Terminal.error("breakeven: fit: \(error)")
            switch error {
            case .noCompleteMonth: throw ExitStatus.dataError
            case .noRequestCounts, .requestsFromEmpty: throw ExitStatus.usage
            }
        }
        let span = "\(models.count) model\(models.count == 1 ? "" : "s")"
        if let out {
            var files = OutputFiles()
            files.add(out, fitted.document.prettyText)
            try files.write()
            Terminal.out("\(out): workload fitted to \(span) (\(FitCommand.months(fitted))); first projected month \(fitted.firstProjectedMonth)")
        } else if let into, let original {
            try replace(into, original, fitted, catalog: snapshot, span: span)
        }
        for note in fitted.notes { Terminal.out("note: \(note)") }
    }

    func replace(_ path: String, _ original: [UInt8], _ fitted: FittedWorkload, catalog: CatalogSnapshot, span: String) throws {
        let edit: ScenarioEdit
        do {
            edit = try ScenarioEdit(original, fitted: fitted, mergeUncertainty: uncertainty)
        } catch {
            Terminal.error("\(path):\(error)")
            throw ExitStatus.dataError
        }
        // The new scenario must be valid before it replaces the old one.
        do {
            _ = try ScenarioLoader.load(edit.text, file: path, catalog: catalog)
        } catch {
            Terminal.error(error.formatted)
            throw CommandFailure(ExitStatus.dataError, "\(path): the fitted workload makes the scenario invalid; nothing was written")
        }
        var files = OutputFiles()
        files.add(path, String(decoding: edit.text, as: UTF8.self))
        try files.write()
        var line = "\(path): workload replaced, fitted to \(span) (\(FitCommand.months(fitted)))"
        if let moved = edit.movedStart { line += "; start moved from \(moved.from) to \(moved.to)" }
        Terminal.out(line)
    }

    static func months(_ f: FittedWorkload) -> String {
        let months = f.diagnostics["complete_months"]?.elements?.compactMap(\.string) ?? []
        guard let first = months.first, let last = months.last else { return "no complete month" }
        return months.count == 1 ? "1 complete month, \(first)" : "\(months.count) complete months, \(first) to \(last)"
    }

    static func read(_ path: String) throws -> [UInt8] {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw CommandFailure(ExitStatus.noInput, "\(path): " + (FileManager.default.fileExists(atPath: path) ? "cannot be read" : "no such file"))
        }
        return Array(data)
    }
}

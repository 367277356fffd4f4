import ArgumentParser
import BreakevenCore
import BreakevenUsage
import Foundation

struct DriftCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "drift",
        abstract: "Compare the months since a scenario's start for which usage exists with the plan.",
        discussion: """
            Each complete month's requests and cost (the bill where the export has one, else the baseline option's price \
            of the month's real volume and mix) against the plan's band: the p10–p90 of the Monte Carlo trials where the \
            scenario has an uncertainty block, else the plan ± --tolerance. Exit status 1 when a month leaves its band.
            """
    )

    @Argument(help: "The scenario file (JSON).")
    var scenario: String

    @Option(help: ArgumentHelp("The band without an uncertainty block: the plan ± this share.", valueName: "share"))
    var tolerance = 0.15

    @OptionGroup var models: ModelOptions
    @OptionGroup var counting: RequestCountingOptions
    @OptionGroup var threads: ThreadOptions
    @OptionGroup var usage: UsageOptions
    @OptionGroup var catalog: CatalogOptions

    func validate() throws {
        guard tolerance > 0, tolerance < 10 else { throw ValidationError("--tolerance: expected a share > 0 and < 10 (0.15 for ±15%), found \(tolerance)") }
    }

    func run() throws {
        let snapshot = try catalog.load().snapshot
        guard let file = try ScenarioFile.loadAll([scenario], overrides: [], catalog: snapshot).first else { throw ExitStatus.noInput }
        let store = try usage.openForReading()
        let history = try usage.history(store, patterns: models.patterns).history
        let rule = FitOptions(tokensPerRequest: counting.tokensPerRequest, requestsFrom: counting.requestsFrom)
        let check: DriftCheck
        do {
            check = try DriftCheck(file.loaded, history: history, tolerance: tolerance, counting: rule, threads: threads.count)
        } catch {
            throw CommandFailure(ExitStatus.usage, "drift: \(error)")
        }
        guard !check.rows.isEmpty else {
            Terminal.out("\(scenario): no complete month of usage since \(file.scenario.start) (the scenario's start) to compare with the plan")
            return
        }
        let text = DriftCommand.render(check, money: MoneyFormat(code: file.scenario.currency))
        Terminal.out(text.table)
        for line in text.breaches { Terminal.error("\(scenario): drift: " + line) }
        if !text.breaches.isEmpty { throw ExitStatus.guardrail }
    }

    /// The table, and a line for each figure outside its band.
    static func render(_ check: DriftCheck, money: MoneyFormat) -> (table: String, breaches: [String]) {
        var t = TerminalTable(["month", "plan month", "requests", "planned", "band", "cost", "planned cost", "cost band", ""], left: [0, 8])
        func n(_ x: Double) -> String { Money.grouped(Money.fixed(x, decimals: 0)) }
        func band(_ r: ClosedRange<Double>, _ f: (Double) -> String) -> String { "\(f(r.lowerBound))–\(f(r.upperBound))" }
        var breaches: [String] = []
        for r in check.rows {
            let status = r.requestsOutside || r.costOutside ? "outside" : "ok"
            t.append([r.month.description, String(r.planMonth), n(r.requests), n(r.planRequests), band(r.requestBand, n),
                      money.amount(r.cost) + (r.billed ? " billed" : " priced"), money.amount(r.planCost),
                      band(r.costBand, money.amount), status])
            if r.requestsOutside {
                breaches.append("\(r.month): \(n(r.requests)) requests, outside the band \(band(r.requestBand, n)) (\(check.band))")
            }
            if r.costOutside {
                breaches.append("\(r.month): cost \(money.amount(r.cost)) (\(r.billed ? "billed" : "the baseline's price of the month")), outside the band \(band(r.costBand, money.amount)) (\(check.band))")
            }
        }
        let legend = "band: \(check.band); cost: billed where the export has a bill, else priced as the baseline (\(check.baseline)) bills the month's volume and mix"
        return (t.text + legend + "\n", breaches)
    }
}

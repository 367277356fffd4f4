import ArgumentParser
import BreakevenCore
import BreakevenReports
import Foundation

/// `breakeven export prices`: self-hosted and owned options' effective token prices, for the
/// gateways and observability tools that would otherwise price their traffic at $0.
struct ExportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Export what a scenario's options cost as price files other tools read.",
        subcommands: [Prices.self])

    struct Prices: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Effective token prices of the options that provision capacity, month by month.",
            discussion: """
            For every self_hosted or owned_hardware option (or --option ID): each month's cost to keep it running \
            (no one-time costs, machines amortized) at the projected utilization, split between input and output \
            tokens by the capacity model's time shares (prefilled prompt tokens ÷ the prefill rate against output \
            tokens ÷ the decode rate); cached prompt tokens take no replica time and cost 0. Formats: litellm \
            (proxy model_info for one --month), langfuse (POST /api/public/models bodies, one per month), focus \
            (a FOCUS 1.2-shaped forecast CSV, with p10/p50/p90 rows when the scenario has uncertainty).
            """)

        enum Format: String, ExpressibleByArgument, CaseIterable {
            case litellm, langfuse, focus
        }

        @Argument(help: "A scenario file (JSON).")
        var scenario: String

        @Option(help: "litellm, langfuse or focus.")
        var format: Format

        @Option(help: ArgumentHelp("Only this option (its id).", valueName: "ID"))
        var option: String?

        @Option(name: .customLong("model-name"), help: ArgumentHelp("The model name the gateway logs for --option (default: its id).", valueName: "NAME"))
        var modelName: String?

        @Option(help: "The month whose prices LiteLLM gets (1-based; LiteLLM prices do not change by date).")
        var month = 1

        @Option(help: ArgumentHelp("Write to FILE instead of standard output.", valueName: "FILE"))
        var out: String?

        @OptionGroup var overrides: OverrideOptions
        @OptionGroup var threads: ThreadOptions
        @OptionGroup var catalog: CatalogOptions

        func validate() throws {
            if modelName != nil, option == nil { throw ValidationError("--model-name names the model of one option: give --option too") }
            if month < 1 { throw ValidationError("--month: expected a month from 1, found \(month)") }
        }

        func run() throws {
            let (snapshot, _) = try catalog.load()
            guard let file = try ScenarioFile.loadAll([scenario], overrides: overrides.values, catalog: snapshot).first else { return }
            let s = file.scenario
            if month > s.months { throw ValidationError("--month: expected a month from 1 to \(s.months), found \(month)") }
            if let option {
                guard let chosen = s.option(option) else {
                    throw ValidationError("--option: unknown option id \"\(option)\"" + Suggestion.clause(for: option, in: s.options.map(\.id)))
                }
                guard result(s).options.first(where: { $0.id == chosen.id })?.tokenCosts != nil else {
                    throw ValidationError("--option: \"\(option)\" is a \(chosen.typeName) option; only options that provision capacity (self_hosted, owned_hardware) have token prices to export")
                }
            }
            let result = result(s)
            var percentiles: [String: [(label: String, option: OptionResult)]] = [:]
            if format == .focus, s.uncertainty != nil {
                if let run = UncertaintyRun.evaluate(file, threads: threads.count).trials,
                   let trials = PercentileTrials.scenarios(run, file.loaded) {
                    for (id, list) in trials {
                        percentiles[id] = list.compactMap { label, trial in
                            self.result(trial).options.first { $0.id == id }.map { (label, $0) }
                        }
                    }
                }
            }
            let forecast = PriceForecast(result: result, scenarioFile: file.path, percentiles: percentiles, only: option, modelName: modelName)
            if forecast.options.isEmpty {
                throw CommandFailure(ExitStatus.dataError, "\(file.path): no option provisions capacity (self_hosted, owned_hardware), so there are no token prices to export")
            }
            let text = switch format {
            case .litellm: LiteLLMPriceExport.render(forecast, month: month)
            case .langfuse: LangfusePriceExport.render(forecast)
            case .focus: FOCUSPriceExport.render(forecast)
            }
            if let out {
                var files = OutputFiles()
                files.add(out, text)
                try files.write()
            } else {
                FileHandle.standardOutput.write(Data(text.utf8))
            }
        }

        private func result(_ s: Scenario) -> BreakevenResult {
            BreakevenAnalysis.analyse(s, Simulator.project(s))
        }
    }
}

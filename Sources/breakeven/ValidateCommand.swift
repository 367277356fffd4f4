import ArgumentParser
import BreakevenCore

struct ValidateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "validate",
        abstract: "Check scenario files and report every problem, compiler-style."
    )

    @Argument(help: "Scenario files (JSON).")
    var scenarios: [String]

    @OptionGroup var overrides: OverrideOptions
    @OptionGroup var catalog: CatalogOptions
    @OptionGroup var diagnostics: DiagnosticOptions

    func run() throws {
        let files = try ScenarioFile.loadAll(scenarios, overrides: overrides.values, catalog: try catalog.load().snapshot,
                                             reporter: diagnostics.reporter())
        for file in files {
            Terminal.out("\(file.path): ok (\(file.scenario.options.count) options, \(file.scenario.months) months)")
        }
    }
}

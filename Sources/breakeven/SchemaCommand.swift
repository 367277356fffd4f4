import ArgumentParser
import BreakevenCore

struct SchemaCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "schema",
        abstract: "Print the scenario language: its JSON Schema (scenarios/scenario.schema.json) or a Markdown reference (scenarios/language.md)."
    )

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case json, markdown
    }

    @Option(help: "json (the JSON Schema editors read) or markdown (every key with its range, default and meaning).")
    var format: Format = .json

    func run() {
        switch format {
        case .json: Terminal.out(JSONSchemaWriter.scenarioSchema())
        case .markdown: Terminal.out(LanguageReference.markdown())
        }
    }
}

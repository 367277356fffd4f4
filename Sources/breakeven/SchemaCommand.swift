import ArgumentParser
import BreakevenCore

struct SchemaCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "schema",
        abstract: "Print the JSON Schema of the scenario language (scenarios/scenario.schema.json)."
    )

    func run() {
        Terminal.out(JSONSchemaWriter.scenarioSchema())
    }
}

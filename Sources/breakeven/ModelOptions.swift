import ArgumentParser
import BreakevenUsage

/// `--model PATTERN`, repeatable: the models whose usage `usage summary`, `fit` and `drift` read
/// (every model when none is given).
struct ModelOptions: ParsableArguments {
    @Option(name: .customLong("model"), help: ArgumentHelp("Only models matching this name or pattern (gpt-4o*); repeatable.", valueName: "PATTERN"))
    var names: [String] = []

    var patterns: [ModelPattern] { names.map(ModelPattern.init) }
}

import ArgumentParser

/// `--set PATH=VALUE`, repeatable: values of the scenario changed by path before it is checked
/// (`run`, `validate`, `sweep`, `capacity`, `export prices`; `diff` has its own, for HEAD only).
struct OverrideOptions: ParsableArguments {
    @Option(name: .customLong("set"), help: ArgumentHelp(
        "Change a value by path before the scenario is checked, e.g. options.self.gpu_hourly=1.9; VALUE is JSON, null removes the key.",
        valueName: "PATH=VALUE"))
    var values: [String] = []
}

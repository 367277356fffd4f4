import ArgumentParser
import BreakevenUsage

/// `--format` and `--requests-from` take a usage format by its raw value; help and errors list
/// `UsageFormat`'s cases in their order.
extension UsageFormat: ExpressibleByArgument {}

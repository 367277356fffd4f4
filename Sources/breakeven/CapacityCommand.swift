import ArgumentParser
import BreakevenCore
import Foundation

/// `breakeven capacity`: sizing of a scenario's options (the default), the validation ledger, and
/// calibration from measured benchmarks.
struct CapacityCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "capacity",
        abstract: "Capacity: how options are sized, the validation ledger, calibration from your benchmarks.",
        subcommands: [CapacitySizeCommand.self, CapacityValidateCommand.self, CapacityCalibrateCommand.self],
        defaultSubcommand: CapacitySizeCommand.self
    )
}

struct CapacitySizeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "size",
        abstract: "Print how each self-hosted or owned option is sized, month by month."
    )

    @Argument(help: "A scenario file.")
    var scenario: String

    @Option(help: "Only this option.")
    var option: String?

    @OptionGroup var overrides: OverrideOptions
    @OptionGroup var catalog: CatalogOptions

    func run() throws {
        guard let file = try ScenarioFile.loadAll([scenario], overrides: overrides.values, catalog: try catalog.load().snapshot).first else { return }
        let s = file.scenario
        let sized = s.options.filter { $0.provisioning?.throughput != nil }
        if let option, !sized.contains(where: { $0.id == option }) {
            let known = sized.map(\.id)
            throw CommandFailure(ExitStatus.usage, "\(scenario) has no self-hosted or owned option \"\(option)\"" + Suggestion.clause(for: option, in: s.options.map(\.id)) + (known.isEmpty ? "" : " (sized options: \(known.joined(separator: ", ")))"))
        }
        let projection = Simulator.project(s)
        var blocks: [String] = []
        for o in sized where option == nil || o.id == option {
            var text = Terminal.visible("\(o.label) (\(o.id))") + "\n"
            guard let provisioning = o.provisioning, let throughput = provisioning.throughput else { continue }
            let (gpus, unit) = (provisioning.devices, provisioning.noun)
            if let c = o.capacity {
                text += "  derived: \(c.tensorParallel) device(s) per replica (\(c.tensorParallelReason.rawValue)), batch \(c.batch) (\(c.batchLimit.rawValue)), \(c.bound.rawValue)-bound\n"
                text += "  memory per device: \(Self.n(c.memoryUsedPerDeviceGB)) of \(Self.n(c.memoryPerDeviceGB)) GB (weights \(Self.n(c.weightsGB)) GB, KV cache \(Self.n(c.kvCacheGB)) GB in all)\n"
                text += "  latency: \(Self.n(c.timePerOutputTokenMs)) ms per output token, \(Self.n(c.timeToFirstTokenMs, 0)) ms to the first token\n"
            }
            text += "  per \(unit): \(Self.n(throughput.outputTokensPerSecond, 0)) output and \(Self.n(throughput.inputTokensPerSecond, 0)) prompt tokens/s\n"
            let months = projection.options.first(where: { $0.optionID == o.id })?.months ?? []
            // Rented GPUs: those the replicas use, and those paid for (whole instances, reservations).
            let rented = months.contains { $0.gpus != nil }
            var table = TerminalTable(["month", "date", "requests", unit == "replica" ? "replicas" : "units", rented ? "GPUs used" : "GPUs"]
                                      + (rented ? ["GPUs paid"] : []) + ["utilization"], left: [1])
            for m in months {
                let count = m.replicas.map { Self.n($0, 0) } ?? "–", used = m.replicas.map { Self.n($0 * Double(gpus), 0) } ?? "–"
                let paid: [String] = rented ? [m.gpus.map { Self.n($0, 0) } ?? "–"] : []
                let utilization = m.utilization.map { Money.fixed($0 * 100, decimals: 1) + "%" } ?? "–"
                table.append([String(m.index + 1), m.date.description, Money.grouped(Money.fixed(m.requests, decimals: 0)), count, used]
                             + paid + [utilization])
            }
            text += table.text.split(separator: "\n").map { "  " + $0 }.joined(separator: "\n")
            blocks.append(text)
        }
        Terminal.out(blocks.isEmpty ? "\(scenario): no self-hosted or owned options to size" : blocks.joined(separator: "\n\n"))
    }

    static func n(_ x: Double, _ decimals: Int = 1) -> String { Money.grouped(Money.fixed(x, decimals: decimals)) }
}

import ArgumentParser
import BreakevenCore
import Foundation

/// `run`'s Monte Carlo and tornado: the options checked, the trials on every core, a progress bar.
enum UncertaintyRun {
    static func check(_ files: [ScenarioFile], trialsCSV: String?) throws {
        let uncertain = files.filter { $0.scenario.uncertainty != nil }.count
        if let problem = RunArguments.trialsCSVProblem(trialsCSV, scenariosWithUncertainty: uncertain) {
            throw CommandFailure(ExitStatus.usage, problem)
        }
    }

    /// Every stage after loading, with a progress bar over the trials.
    static func evaluate(_ file: ScenarioFile, threads: Int) -> Pipeline.Evaluation {
        let bar = file.scenario.uncertainty.map { ProgressBar(total: $0.trials, label: "\(file.name): trials") }
        defer { bar?.finish() }
        var progress: (@Sendable (Int) -> Void)?
        if let bar { progress = { bar.advance($0) } }
        return Pipeline.evaluate(file.loaded, threads: threads, progress: progress)
    }
}

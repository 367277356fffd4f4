import ArgumentParser
import BreakevenCore
import Foundation

/// `--threads N`: the worker threads of Monte Carlo trials and sweep points, every core unless
/// given. The figures do not depend on it (each trial draws from its own seeded stream).
struct ThreadOptions: ParsableArguments {
    @Option(help: "Worker threads (default: all cores); the figures do not depend on it.")
    var threads: Int?

    /// Threads when `--threads` is not given: every core.
    static var allCores: Int { ProcessInfo.processInfo.activeProcessorCount }

    var count: Int { threads ?? ThreadOptions.allCores }

    func validate() throws {
        if let problem = RunArguments.threadsProblem(threads) { throw ValidationError(problem) }
    }
}

/// The pipeline behind every command, in typed stages:
///
///     bytes ──parse, --set──▶ document ──check──▶ checked document
///           ──resolve (catalog, currency)──▶ ResolvedScenario ──lower──▶ Scenario
///           ──simulate──▶ Projection ──analyse──▶ BreakevenResult ──uncertainty──▶ Evaluation
///
/// `run`, `diff`, `compare`, `sweep`, `capacity` and the bench all enter here, so each gets the
/// same figures (the uncertainty ones included) from the same scenario.
public enum Pipeline {
    /// A scenario through every stage.
    public struct Evaluation: Sendable {
        public var loaded: LoadedScenario
        public var result: BreakevenResult
        /// The Monte Carlo trials, with an `uncertainty` block (for `--trials-csv`).
        public var trials: MonteCarloRun?

        public var scenario: Scenario { loaded.scenario }
    }

    /// Parse, `--set`, check, resolve, lower: every problem of a stage at once, and nothing built
    /// past a stage with problems.
    public static func load(_ bytes: [UInt8], file: String, overrides: [ScenarioLoader.Override] = [],
                            catalog: CatalogSnapshot = CatalogSnapshot()) throws(ScenarioErrors) -> LoadedScenario {
        try ScenarioLoader.load(bytes, file: file, overrides: overrides, catalog: catalog)
    }

    /// Simulate, analyse, and add the tornado and the Monte Carlo figures.
    ///
    /// - Parameters:
    ///   - threads: worker threads for the trials (the figures do not depend on it).
    ///   - progress: told how many trials have just finished, from any thread.
    public static func evaluate(_ loaded: LoadedScenario, threads: Int = 1, progress: (@Sendable (Int) -> Void)? = nil) -> Evaluation {
        var result = BreakevenAnalysis.analyse(loaded.scenario, Simulator.project(loaded.scenario))
        let trials = UncertaintyAnalysis.analyse(&result, loaded, threads: threads, progress: progress)
        return Evaluation(loaded: loaded, result: result, trials: trials)
    }

    /// Every stage, from a file's bytes.
    public static func run(_ bytes: [UInt8], file: String, overrides: [ScenarioLoader.Override] = [], catalog: CatalogSnapshot = CatalogSnapshot(),
                           threads: Int = 1, progress: (@Sendable (Int) -> Void)? = nil) throws(ScenarioErrors) -> Evaluation {
        evaluate(try load(bytes, file: file, overrides: overrides, catalog: catalog), threads: threads, progress: progress)
    }
}

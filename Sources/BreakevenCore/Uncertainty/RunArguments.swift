/// What `run` and `sweep` check of their uncertainty arguments, with the messages they print.
public enum RunArguments {
    /// `--threads N`: at least 1.
    public static func threadsProblem(_ threads: Int?) -> String? {
        guard let threads, threads < 1 else { return nil }
        return "--threads \(threads): expected at least 1"
    }

    /// `--trials-csv FILE` writes the trials of exactly one scenario.
    public static func trialsCSVProblem(_ file: String?, scenariosWithUncertainty count: Int) -> String? {
        guard let file, count != 1 else { return nil }
        return "--trials-csv \(file): expected one scenario with an uncertainty block, found \(count)"
    }
}

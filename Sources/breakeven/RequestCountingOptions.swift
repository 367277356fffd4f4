import ArgumentParser
import BreakevenUsage

/// How `fit` and `drift` count the requests of exports that carry none (Anthropic, Bedrock,
/// FOCUS): a given number of prompt tokens per request, or that of another format's usage.
struct RequestCountingOptions: ParsableArguments {
    @Option(name: .customLong("tokens-per-request"), help: ArgumentHelp("Prompt tokens per request, to count the requests of exports that carry none.", valueName: "N"))
    var tokensPerRequest: Double?

    @Option(name: .customLong("requests-from"), help: ArgumentHelp("Count the requests of exports that carry none with the prompt tokens per request of this format's usage.", valueName: "FORMAT"))
    var requestsFrom: UsageFormat?

    func validate() throws {
        if let t = tokensPerRequest, !(t > 0 && t <= 1e8) { throw ValidationError("--tokens-per-request: expected a number > 0 and ≤ 1e8, found \(t)") }
    }
}

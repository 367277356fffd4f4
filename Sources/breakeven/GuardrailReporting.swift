import ArgumentParser
import BreakevenCore

/// Turns guardrail rules into outcomes for the commands, printing problems and breaches.
enum GuardrailReporting {
    /// Parses every `--fail-on`; prints each bad rule and throws 64.
    static func parse(_ texts: [String], allowChanges: Bool) throws -> [GuardrailRule] {
        var rules: [GuardrailRule] = []
        var failed = false
        for text in texts {
            do throws(GuardrailProblem) {
                let rule = try GuardrailRule.parse(text)
                if !allowChanges, case .change = rule.condition {
                    throw GuardrailProblem.changeNeedsDiff(rule)
                }
                rules.append(rule)
            } catch {
                Terminal.error("breakeven: " + error.formatted)
                failed = true
            }
        }
        if failed { throw ExitStatus.usage }
        return rules
    }

    /// Checks rules, printing each rule that cannot be checked (prefixed with `file`); throws
    /// 64 if they all come from `--fail-on`, 65 if one comes from a scenario or result file.
    static func evaluate(_ rules: [GuardrailRule], result: BreakevenResult, base: BreakevenResult?, file: String,
                         reporter: DiagnosticReporter) throws -> [GuardrailOutcome] {
        do {
            return try GuardrailCheck.evaluate(rules, result: result, base: base)
        } catch {
            for problem in error.problems {
                reporter.problem(in: file, problem.formatted)
            }
            throw error.allFromCommandLine ? ExitStatus.usage : ExitStatus.dataError
        }
    }

    /// Prints every breach to standard error: "FILE: guardrail failed: RULE: …". Returns the count.
    @discardableResult
    static func printBreaches(_ outcomes: [GuardrailOutcome], file: String, reporter: DiagnosticReporter) -> Int {
        let breached = outcomes.filter { $0.status == .breached }
        for o in breached {
            reporter.problem(in: file, "guardrail failed: \(o.message)")
        }
        return breached.count
    }
}

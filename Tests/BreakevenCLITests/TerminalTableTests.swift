import Foundation
import Testing
@testable import BreakevenCatalog
@testable import BreakevenCore
@testable import BreakevenReports
@testable import breakeven

/// Terminal tables: aligned by visible width, coloured only on a terminal without NO_COLOR.
@Suite("Terminal tables")
struct TerminalTableTests {
    @Test func colourOnlyOnATerminalWithoutNoColor() {
        #expect(TerminalStyle.colorsAllowed(environment: [:], isTerminal: true))
        #expect(!TerminalStyle.colorsAllowed(environment: [:], isTerminal: false))
        #expect(!TerminalStyle.colorsAllowed(environment: ["NO_COLOR": "1"], isTerminal: true))
        // An empty NO_COLOR does not count (no-color.org).
        #expect(TerminalStyle.colorsAllowed(environment: ["NO_COLOR": ""], isTerminal: true))
        #expect(!TerminalStyle.colorsAllowed(environment: ["TERM": "dumb"], isTerminal: true))
    }

    @Test func alignedPlainAndColoured() {
        var t = TerminalTable([("option", .left), ("total", .right)])
        t.append([.init("gpt"), .init("$72k", .red)])
        t.append([.init("hosted"), .init("$15k", .green)])
        #expect(t.render(color: false) == "option  total\ngpt      $72k\nhosted   $15k\n")
        // Colour codes wrap the text after padding, so columns stay aligned.
        #expect(t.render(color: true) == "\u{1B}[1moption\u{1B}[0m  \u{1B}[1mtotal\u{1B}[0m\ngpt      \u{1B}[31m$72k\u{1B}[0m\nhosted   \u{1B}[32m$15k\u{1B}[0m\n")
    }

    @Test func gitMessages() {
        #expect(Git.unknownRevision("nope") == #"breakeven: --against nope: git knows no commit "nope" (a branch, tag or commit such as origin/main)"#)
        #expect(Git.notARepository(ref: "main", directory: "/tmp/x") == "breakeven: --against main: /tmp/x is not inside a git repository")
        #expect(Git.gitFailed(ref: "main", path: "a.json", "fatal: bad object\n") == "breakeven: --against main: git show main:a.json failed: fatal: bad object")
    }

    @Test func nothingAFileSaysReachesTheTerminalRaw() {
        // Escape sequences (a colour, a window title, a bell) print as text.
        #expect(Terminal.visible("a\u{1B}[2Jb\u{1B}]0;t\u{7}") == "a\\u{1B}[2Jb\\u{1B}]0;t\\u{7}")
        #expect(Terminal.visible("\u{202E}rtl \u{9B}c1") == "\\u{202E}rtl \\u{9B}c1")
        // A line starting with :: would be a GitHub Actions workflow command.
        #expect(Terminal.visible("ok\n::error::pwned\n  ::warning::x") == "ok\n\\::error::pwned\n  \\::warning::x")
        // The colours breakeven writes itself stay, on a terminal only.
        let styled = TerminalStyle.red.apply("over")
        #expect(Terminal.visible(styled, keepingStyles: true) == styled)
        #expect(Terminal.visible(styled) == "\\u{1B}[31mover\\u{1B}[0m")
        // A cell's text is made visible before its style is applied.
        var t = TerminalTable(["id"])
        t.append([TerminalTable.Cell("x\u{1B}[31m", .green)])
        #expect(t.render(color: true).contains("\u{1B}[32mx\\u{1B}[31m\u{1B}[0m"))
    }

    /// The golden result of the Reports tests with an uncertainty block.
    static func riskResult() throws -> BreakevenResult {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("BreakevenReportsTests/Golden/team-chat-risk.result.json")
        return try JSONReport.decode(Data(contentsOf: url))
    }

    @Test func runSummaryNamesOptionsByLabelWithOddsVolumesAndFiles() throws {
        let text = SummaryTable.render(try Self.riskResult(), files: ["out/team-chat-risk.md", "out/team-chat-risk.summary.csv"])
        // From the JSON, to 3 significant digits: the GPU option's breakeven volume 1,987,368,420
        // tokens a month → "1.99B", the box's 82,954,127 → "83M"; the GPU option's savings p10 and
        // p90 $11,150.12 and $43,783.47 → "$11.2k–$43.8k"; it is cheapest in 0 of 500 trials and
        // breaks even in 97%.
        #expect(text == """
            Team chat assistant, with uncertainty (6 months), 500 trials
            option                      total   savings  breakeven  volume, tokens/mo  savings p10–p90  cheapest  breaks even
            Closed API                   $67k  baseline                                                       0%
            Self-hosted, "8B", on L40S   $33k      $34k    month 2              1.99B    $11.2k–$43.8k        0%          97%
            Office GPU box              $1.3k      $66k    month 2                83M    $50.5k–$75.5k      100%         100%
            written: out/team-chat-risk.md, out/team-chat-risk.summary.csv

            """)
    }

    @Test func historyShowsWhenEachRunWasMadeAndItsSetValues() throws {
        let sha = String(repeating: "ab", count: 32)
        // 2026-11-27 17:10 UTC = 1,795,799,400 s after 1970 (20,784 days × 86,400 + 61,800).
        let first = HistoryEntry(scenarioName: "support", scenarioSHA256: sha, catalogFingerprint: "catalog-v1:3",
                                 recordedAt: Date(timeIntervalSince1970: 1_795_799_400),
                                 overrides: ["options.self.gpu_hourly=1.9", "months=12"],
                                 options: [OptionOutcome(id: "gpt", totalCost: 72_000, npv: 70_000),
                                           OptionOutcome(id: "self", totalCost: 37_520, npv: 36_900, breakevenMonth: 5, breakevenTokensPerMonth: 2.47e10)])
        let second = HistoryEntry(scenarioName: "support", scenarioSHA256: sha, catalogFingerprint: "catalog-v1:3", currency: "EUR",
                                  options: [OptionOutcome(id: "gpt", totalCost: 1_500, npv: 1_480)])
        // Recorded, so that they are numbered.
        let runs = try RunHistory.inMemory().record([first, second])
        #expect(HistoryCommand.render(runs, color: false) == """
            run  when (UTC)        scenario  option  total    npv  breakeven  volume, tokens/mo  scenario sha256  catalog       --set
              1  2026-11-27 17:10  support   gpt      $72k   $70k          –                  –  abababababab     catalog-v1:3  options.self.gpu_hourly=1.9 months=12
              1                    support   self     $38k   $37k    month 5              24.7B
              2  –                 support   gpt     €1.5k  €1.5k          –                  –  abababababab     catalog-v1:3  –

            """)
    }

    @Test func historyShowsTheTrialsRangeWhereARunHasOne() throws {
        let sha = String(repeating: "ab", count: 32)
        // self saved from $25,720 to $43,240 over its trials and broke even in all of them.
        let run = HistoryEntry(scenarioName: "risky", scenarioSHA256: sha, catalogFingerprint: "catalog-v1:3",
                               options: [OptionOutcome(id: "gpt", totalCost: 72_000, npv: 70_000),
                                         OptionOutcome(id: "self", totalCost: 37_520, npv: 36_900, breakevenMonth: 5,
                                                       trials: TrialOutcome(savingsP10: 25_720, savingsP90: 43_240, probabilityBreakeven: 1))])
        #expect(HistoryCommand.render(try RunHistory.inMemory().record([run]), color: false) == """
            run  when (UTC)  scenario  option  total   npv  breakeven  volume, tokens/mo  savings p10–p90  breaks even  scenario sha256  catalog       --set
              1  –           risky     gpt      $72k  $70k          –                  –                –            –  abababababab     catalog-v1:3  –
              1              risky     self     $38k  $37k    month 5                  –     $26k to $43k         100%

            """)
    }
}

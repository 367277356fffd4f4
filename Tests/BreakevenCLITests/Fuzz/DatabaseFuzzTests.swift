import Foundation
import Testing

/// Damaged copies of the three SQLite files breakeven keeps, through the built binary (a trap is
/// then a signal exit, not a dead test runner): a user edits them with `sqlite3`, a disk damages
/// them, another program writes them. Each copy carries one change (`DatabaseMutator`: a column
/// set to an extreme, a row deleted or copied, a table dropped, a migration forgotten or added,
/// the file cut or a page overwritten). Every command exits 0; 65 with a message naming the file
/// (or, for a scenario's command, a located diagnostic of the scenario: an entry deleted from the
/// catalog is an unknown name there); 66 where it finds nothing to read; 73 only for a command
/// that writes the file; or a status it documents (1: a guardrail of `run`, a month outside the
/// band of `drift`). A JSON file written holds finite figures.
///
/// 300 copies: 120 catalogs in two halves side by side, one scenario each (`catalog list`, `show`,
/// `history`, `run`, then `capacity size` or `export prices`; when the listing refuses a copy, the
/// others, which read it the same way, on every eighth such copy only), 120 run histories
/// (`history`; every other copy, a `run` recording into it) and 60 usage databases (`usage
/// summary`, `fit`, `drift`, a second `usage import` into it). About 800 processes of 20–300 ms:
/// some 55 s of work (catalogs 25, histories 13, usage 17), under 30 s on two cores.
/// BREAKEVEN_FUZZ_SEED (hex) explores other damage; BREAKEVEN_FUZZ_KEEP=1 keeps the copies.
@Suite("Fuzzing damaged databases")
struct DatabaseFuzzTests {
    static let catalogCopies = 120, historyCopies = 120, usageCopies = 60

    /// What the catalog commands show: the scenarios' models, GPUs, open models, machines, plans
    /// and offers, and the models whose prices have a history or time-of-day windows.
    static let shownIDs = ["anthropic/claude-sonnet-4-5", "h100-sxm", "qwen3-32b", "anthropic/claude-pro", "pc-rtx-4090",
                           "h100-sxm/lambda/reserved_1y", "l4/gcp/on_demand", "deepseek/deepseek-chat"]
    static let pricedModels = ["anthropic/claude-sonnet-4-5", "openai/o3", "deepseek/deepseek-chat", "openai/gpt-5-nano"]
    static let listedKinds = ["models", "gpus", "offers", "hardware", "plans", "open-models"]

    static func scenario(_ name: String) -> String {
        CLI.packageRoot.appendingPathComponent("scenarios").appendingPathComponent(name).path
    }

    /// In two halves that run side by side, each with its scenario and its own damage.
    @Test(arguments: 0..<2) func damagedCatalogsNeverCrashTheCommands(half: Int) throws {
        let fuzz = try DatabaseFuzz(name: "catalog-\(half)", seed: FuzzTests.seed &+ UInt64(half))
        defer { fuzz.finish() }
        // The seed, both price files (a price history, time-of-day windows the seed lacks) and a calibration.
        let fixtures = CLI.packageRoot.appendingPathComponent("Tests/BreakevenCatalogTests/Fixtures")
        let benchmark = CLI.packageRoot.appendingPathComponent("Tests/BreakevenCLITests/Calibration/vllm-benchmark-serving.json").path
        try fuzz.makeTemplate("catalog.sqlite", focus: Set(Self.shownIDs + Self.pricedModels + ["l4", "openai/gpt-5-nano"]), by: [
            ["catalog", "init", "catalog.sqlite"],
            ["catalog", "import", "--format", "litellm", fixtures.appendingPathComponent("litellm-sample.json").path,
             "--catalog", "catalog.sqlite", "--observed-on", "2026-01-01"],
            ["catalog", "import", "--format", "genai-prices", fixtures.appendingPathComponent("genai-prices-sample.json").path,
             "--catalog", "catalog.sqlite", "--observed-on", "2026-01-01"],
            ["capacity", "calibrate", "--format", "vllm", "--gpu", "h100-sxm", "--model", "llama-3.1-8b", "--name", "h100-llama",
             "--catalog", "catalog.sqlite", benchmark],
        ])
        // A team's seats, API, H100s and a switch; an autocomplete's API, rented L4s and owned PCs.
        let (name, scenario) = [("team-coding-assistant", Self.scenario("team-coding-assistant.json")),
                                ("browser-autocomplete", Self.scenario("browser-autocomplete.json"))][half]
        try fuzz.fuzz(count: Self.catalogCopies / 2, sharedReader: true) { db, k in
            let catalog = ["--catalog", db]
            return [
                .init(arguments: ["catalog", "list", Self.listedKinds[k % Self.listedKinds.count]] + catalog),
                // 64: the id names nothing in this catalog (its row was deleted).
                .init(arguments: ["catalog", "show"] + catalog + ["--", Self.shownIDs[k % Self.shownIDs.count]], statuses: [64]),
                .init(arguments: ["catalog", "history"] + catalog + ["--", Self.pricedModels[k % Self.pricedModels.count]], statuses: [64]),
                .init(arguments: ["run", scenario, "--format", "json", "--out", "out\(k)", "--no-history", "--threads", "1"] + catalog,
                      scenario: scenario, statuses: [1], json: "out\(k)/\(name).json"),
                k % 2 == 0 ? .init(arguments: ["capacity", "size", scenario] + catalog, scenario: scenario)
                    : .init(arguments: ["export", "prices", scenario, "--format", "litellm", "--threads", "1"] + catalog, scenario: scenario),
            ]
        }
    }

    @Test func damagedRunHistoriesNeverCrashTheCommands() throws {
        let fuzz = try DatabaseFuzz(name: "history")
        defer { fuzz.finish() }
        let scenario = Self.scenario("startup-experimenting.json")
        let run = ["run", scenario, "--format", "json", "--threads", "1"]
        // Two runs of one scenario, the second with a --set value, so that every table has rows.
        try fuzz.makeTemplate("history.sqlite", focus: [], by: [
            run + ["--out", "first", "--history", "history.sqlite"],
            run + ["--out", "second", "--history", "history.sqlite", "--set", "months=11"],
        ])
        try fuzz.fuzz(count: Self.historyCopies) { db, k in
            // Every other copy is also written to by a run.
            [.init(arguments: ["history", "--history", db] + (k % 3 == 0 ? ["--", "Startup still experimenting"] : []))]
                + (k % 2 == 0 ? [] : [.init(arguments: run + ["--out", "out\(k)", "--history", db], writes: true, scenario: scenario,
                                            statuses: [1], json: "out\(k)/startup-experimenting.json")])
        }
    }

    /// Before the strict usage reader, text or 1e300 in a count trapped `usage summary`, `fit` and
    /// `drift` (GRDB's `try!`), two counts near 9e18 overflowed a month's sum, and a start near
    /// 9e18 s hung `fit`.
    @Test func damagedUsageDatabasesNeverCrashTheCommands() throws {
        let fuzz = try DatabaseFuzz(name: "usage")
        defer { fuzz.finish() }
        // Two tenths of the sample spend log: one makes the database, the other is imported into each copy.
        try Data(try ImportFuzzTests.monthsOfSpend(from: 1).bytes).write(to: fuzz.workspace.dir.appendingPathComponent("spend.csv"))
        try Data(try ImportFuzzTests.monthsOfSpend(from: 6).bytes).write(to: fuzz.workspace.dir.appendingPathComponent("more.csv"))
        // The usage-backed example from the first complete month of the log, against its baseline alone.
        var drift = try JSONDecoder().decode(JSONValue.self, from: Data(contentsOf: URL(fileURLWithPath: Self.scenario("fitted-support.json"))))
        guard case .object(let members) = drift, case .array(let options) = members["options"] else { throw CocoaError(.fileReadCorruptFile) }
        drift = drift.replacing([.key("start")], with: .string("2026-05")).replacing([.key("options")], with: .array(Array(options.prefix(1))))
        try drift.text.write(to: fuzz.workspace.dir.appendingPathComponent("drift.json"), atomically: false, encoding: .utf8)
        try fuzz.makeTemplate("usage.sqlite", focus: [], by: [["usage", "import", "--format", "litellm", "spend.csv", "--usage", "usage.sqlite"]])
        try fuzz.fuzz(count: Self.usageCopies) { db, k in
            [
                .init(arguments: ["usage", "summary", "--usage", db]),
                .init(arguments: ["fit", "--usage", db, "--out", "out\(k)"], json: "out\(k)"),
                .init(arguments: ["drift", "drift.json", "--usage", db, "--threads", "1"], scenario: "drift.json", statuses: [1]),
                .init(arguments: ["usage", "import", "--format", "litellm", "more.csv", "--usage", db], writes: true),
            ]
        }
    }
}

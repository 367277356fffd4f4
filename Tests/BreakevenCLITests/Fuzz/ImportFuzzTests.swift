import Foundation
import Testing

/// Mutants of every importer's committed fixtures through the built binary (a trap is then a
/// signal exit, not a dead test runner): `usage import` of each format, then `usage summary` and
/// `fit` on what imported; `catalog import` of both price files, then `catalog list`, `show` and
/// `history`; `capacity calibrate` of the eight benchmark formats, then `capacity size` of a
/// scenario that uses the calibration. Every command exits 0 or 65 with a message on standard
/// error that names the file and, where the reader has them, the line (and column or JSON path).
///
/// Mutants: 100 per usage fixture (30 fixtures; a batch of 25 files is one import, one summary
/// and one fit; of Claude Code's transcripts the session and the resumed one, cut short, whose
/// sub-agent's is read alike; of Codex's rollouts the session grown by a resume, cut short, which
/// holds the session's lines, and a fork), 40 per price file (3; a process per import, a listing
/// per 10) and 25 per benchmark fixture (10; a process per calibration). About 750 processes of
/// 10–100 ms in all. The suite alone took about 45 s on two cores with 25 usage fixtures (41 s with
/// 64 usage mutants a fixture: mostly fixed costs, not mutants); on a slower machine since, 64 s
/// with 25 and 92 s with 30, idle (the usage test is the long pole, its time growing with its
/// fixtures). It runs beside the other suites in `swift test` (about 150 s in all). BREAKEVEN_FUZZ_SEED
/// (hex) explores other mutants; BREAKEVEN_FUZZ_KEEP=1 keeps them. A command killed after 30 s hangs.
@Suite("Fuzzing the importers")
struct ImportFuzzTests {
    static let usageMutants = 100, monthsMutants = 50, priceMutants = 40, benchmarkMutants = 25

    static let usageFixtures: [(file: String, format: String, shape: ExportMutator.Shape)] = [
        ("openai-completions-1h.json", "openai", .json), ("openai-completions-1d.jsonl", "openai", .jsonLines),
        ("anthropic-usage-report.json", "anthropic", .json), ("litellm-spend-logs.csv", "litellm", .csv),
        ("otel-genai-traces.json", "otel", .json), ("focus-1.2-ai.csv", "focus", .csv), ("bedrock-cur2.csv", "bedrock-cur", .csv),
        ("langfuse-observations.json", "langfuse", .json), ("langfuse-observations-pages.jsonl", "langfuse", .jsonLines),
        ("langfuse-observations-v2.json", "langfuse", .json), ("langfuse-observations-v2-default-fields.json", "langfuse", .json),
        ("helicone-export.jsonl", "helicone", .jsonLines), ("helicone-export.csv", "helicone", .csv),
        ("helicone-query-clickhouse.json", "helicone", .json), ("openrouter-activity.json", "openrouter", .json),
        ("openrouter-activity-saves.jsonl", "openrouter", .jsonLines),
        ("anthropic-usage-report-2026-01.json", "anthropic", .json), ("anthropic-cost-report.json", "anthropic-cost", .json),
        ("openai-completions-2026-01.json", "openai", .json), ("openai-costs.json", "openai-cost", .json),
        ("claude-code-session.jsonl", "claude-code", .jsonLines), ("claude-code-resumed.jsonl", "claude-code", .jsonLines),
        ("codex-resumed.jsonl", "codex", .jsonLines), ("codex-fork.jsonl", "codex", .jsonLines),
        ("vertex-timeseries.json", "vertex", .json), ("vertex-timeseries-pages.jsonl", "vertex", .jsonLines),
        ("vertex-error.json", "vertex", .json),
        ("azure-monitor-metrics.json", "azure-monitor", .json), ("azure-monitor-cli.jsonl", "azure-monitor", .jsonLines),
        ("azure-monitor-error.json", "azure-monitor", .json),
    ]
    static let priceFixtures = [("litellm-sample.json", "litellm"), ("genai-prices-sample.json", "genai-prices"),
                                ("genai-prices-variants.json", "genai-prices")]
    /// Each benchmark fixture with the device and model it measured.
    static let benchmarkFixtures = [("vllm-benchmark-serving.json", "vllm", "h100-sxm", "llama-3.1-8b"),
                                    ("guidellm-sweep.json", "guidellm", "h100-sxm", "llama-3.1-8b"),
                                    ("guidellm-concurrent-v0.3.json", "guidellm", "h100-sxm", "llama-3.1-8b"),
                                    ("aiperf-profile-export.json", "aiperf", "h100-sxm", "llama-3.1-8b"),
                                    ("genai-perf-profile-export.json", "genai-perf", "h100-sxm", "llama-3.1-8b"),
                                    ("llama-bench-dgx-spark.json", "llama-bench", "dgx-spark", "gpt-oss-120b"),
                                    ("sglang-bench-serving.jsonl", "sglang", "h100-sxm", "llama-3.1-8b"),
                                    ("meta-llama-Llama-3-1-8B-Instruct_1024_256_summary.json", "llmperf", "h100-sxm", "llama-3.1-8b"),
                                    ("prometheus-vllm-range.json", "prometheus", "h100-sxm", "llama-3.1-8b"),
                                    ("prometheus-error.json", "prometheus", "h100-sxm", "llama-3.1-8b")]

    /// Messages about a file as a whole, which have no line to name.
    static let wholeFileMessages = ["the file is empty", "with this file the usage database would", "buckets overlap", "cannot be read",
                                    "the measurements cannot be fitted"]

    static func fixture(_ folder: String, _ name: String, _ shape: ExportMutator.Shape) throws -> ExportMutator.Fixture {
        let url = CLI.packageRoot.appendingPathComponent(folder).appendingPathComponent(name)
        return ExportMutator.Fixture(name: name, shape: shape, bytes: Array(try Data(contentsOf: url)))
    }

    /// Every tenth request of the sample spend log (scenarios/usage, April to November 2026), from
    /// the `first`: the usage fixtures cover a day, and `fit` fits complete months only, so without
    /// it `fit` would only ever say there is none.
    static func monthsOfSpend(from first: Int = 1) throws -> ExportMutator.Fixture {
        var fixture = try fixture("scenarios/usage", "support-litellm.csv", .csv)
        var csv = CSVDocument(fixture.bytes)
        csv.rows = [csv.rows[0]] + stride(from: first, to: csv.rows.count, by: 10).map { csv.rows[$0] }
        fixture.bytes = csv.bytes()
        return fixture
    }

    @Test func usageExportsNeverCrashTheCommands() throws {
        let fuzz = try ImportFuzz(name: "usage")
        defer { fuzz.finish() }
        var mutator = ExportMutator(seed: FuzzTests.seed)
        var fixtures = try Self.usageFixtures.map { (try Self.fixture("Tests/BreakevenUsageTests/Fixtures", $0.file, $0.shape), $0.format, Self.usageMutants) }
        fixtures.append((try Self.monthsOfSpend(), "litellm", Self.monthsMutants))
        for (fixture, format, count) in fixtures {
            let name = fixture.name
            let files = try fuzz.write(mutator.mutants(of: fixture, count: count), prefix: format,
                                       suffix: name.hasSuffix(".csv") ? "csv" : name.hasSuffix(".jsonl") ? "jsonl" : "json")
            for batch in ImportFuzz.batches(files, of: 25) {
                try fuzz.bisect(batch) { files, db in
                    let imported = try fuzz.check(["usage", "import", "--format", format, "--usage", db] + files, files, importing: true)
                    guard case .success(let done) = imported else { return imported }
                    guard !done.isEmpty else { return .success([]) }
                    let summary = try fuzz.check(["usage", "summary", "--usage", db], [], importing: false)
                    guard case .success = summary else { return summary }
                    return try fuzz.check(["fit", "--usage", db, "--tokens-per-request", "1000", "--out", db + ".fit.json"], [],
                                          importing: false, json: db + ".fit.json")
                }
            }
        }
        #expect(fuzz.imported >= 100, "too few mutants import to exercise the readers: \(fuzz.imported)")
    }

    @Test func priceFilesNeverCrashTheCommands() throws {
        let fuzz = try ImportFuzz(name: "prices")
        defer { fuzz.finish() }
        let template = fuzz.dir.appendingPathComponent("empty.sqlite").path
        #expect(try fuzz.run(["catalog", "init", "--empty", template]).status == 0)
        var mutator = ExportMutator(seed: FuzzTests.seed)
        for (name, format) in Self.priceFixtures {
            let fixture = try Self.fixture("Tests/BreakevenCatalogTests/Fixtures", name, .json)
            let files = try fuzz.write(mutator.mutants(of: fixture, count: Self.priceMutants), prefix: format, suffix: "json")
            for batch in ImportFuzz.batches(files, of: 10) {
                try fuzz.bisect(batch) { files, db in
                    let imported = try fuzz.importEach(files, into: db, from: template) {
                        ["catalog", "import", "--format", format, $0, "--catalog", db, "--observed-on", "2026-01-01"]
                    }
                    guard case .success(let done) = imported, !done.isEmpty else { return imported }
                    let list = try fuzz.run(["catalog", "list", "models", "--catalog", db])
                    guard list.status == 0 else { return .failure(ImportFuzz.Problem(command: "catalog list models --catalog \(db)", output: list, what: "exited \(list.status)")) }
                    // The first id listed, shown and its history (not one the table shows escaped, `\u{1B}`).
                    // Columns are two spaces or more apart; an id may hold one.
                    let ids = list.stdout.split(separator: "\n").dropFirst(2).compactMap { $0.components(separatedBy: "  ").first }
                    guard let id = ids.first(where: { !$0.contains("\\u{") }) else { return .success(done) }
                    for command in ["show", "history"] {
                        let r = try fuzz.check(["catalog", command, "--catalog", db, "--", id], [], importing: false)
                        guard case .success = r else { return r }
                    }
                    return .success(done)
                }
            }
        }
        #expect(fuzz.imported >= 20, "too few price files import to exercise the readers: \(fuzz.imported)")
    }

    @Test func benchmarkResultsNeverCrashTheCommands() throws {
        let fuzz = try ImportFuzz(name: "benchmarks")
        defer { fuzz.finish() }
        let template = fuzz.dir.appendingPathComponent("seed.sqlite").path
        #expect(try fuzz.run(["catalog", "init", template]).status == 0)
        var mutator = ExportMutator(seed: FuzzTests.seed)
        for (name, format, gpu, model) in Self.benchmarkFixtures {
            let lines = name.hasSuffix(".jsonl")  // SGLang's runs, a line each
            let fixture = try Self.fixture("Tests/BreakevenCLITests/Calibration", name, lines ? .jsonLines : .json)
            let files = try fuzz.write(mutator.mutants(of: fixture, count: Self.benchmarkMutants), prefix: format, suffix: lines ? "jsonl" : "json")
            for batch in ImportFuzz.batches(files, of: 25) {
                try fuzz.bisect(batch) { files, db in
                    let calibrated = try fuzz.importEach(files, into: db, from: template) {
                        ["capacity", "calibrate", "--format", format, "--gpu", gpu, "--model", model, "--name", $0, "--catalog", db, $0]
                    }
                    // The capacity model under the last calibration stored.
                    guard case .success(let done) = calibrated, let last = done.last else { return calibrated }
                    let option = gpu == "dgx-spark"
                        ? #""type": "owned_hardware", "hardware": "dgx-spark", "electricity_per_kwh": 0.3, "engine": "llama.cpp""#
                        : #""type": "self_hosted", "gpu": "h100-sxm", "gpu_hourly": 2, "tensor_parallel": 1"#
                    let scenario = """
                        { "version": 1, "name": "t", "start": "2026-12", "months": 2,
                          "workload": { "requests_per_month": 1000000, "input_tokens_per_request": 1000, "output_tokens_per_request": 200 },
                          "options": [{ "id": "api", "type": "api", "prices": { "input_per_mtok": 1, "output_per_mtok": 4 } },
                                      { "id": "self", \(option), "model": "\(model)", "throughput": "derived", "calibration": "\(last)" }],
                          "baseline": "api" }
                        """
                    let file = db + ".scenario.json"
                    try scenario.write(toFile: fuzz.path(file), atomically: false, encoding: .utf8)
                    let r = try fuzz.check(["capacity", "size", file, "--catalog", db], [], importing: false)
                    guard case .success = r else { return r }
                    return .success(done)
                }
            }
        }
        #expect(fuzz.imported >= 20, "too few results calibrate to exercise the readers: \(fuzz.imported)")
    }
}

import BreakevenCatalog
import BreakevenCore
import BreakevenReports
import Foundation

// Speed figures for the notes, from a release build:
//   swift run -c release breakeven-bench [SCENARIO | --monte-carlo]
// Prints simulated option-months per second and the wall time of a whole `run` (load, simulate,
// analyse with its breakeven-volume search, render every format) on the largest example; then
// the Monte Carlo loop (option-months per second per core), 10,000 trials × 60 months × 5
// options end to end, and a 100 × 100 sweep, on the benchmark scenario in BenchScenario.swift.

func seconds(_ body: () throws -> Void) rethrows -> Double {
    let start = DispatchTime.now().uptimeNanoseconds
    try body()
    return Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
}

// `breakeven-bench --usage`: only the usage-in figures; `--write-sample PATH`: the sample LiteLLM
// export of scenarios/usage/.
if CommandLine.arguments.dropFirst().first == "--usage" || CommandLine.arguments.dropFirst().first == "--write-sample" {
    do {
        if CommandLine.arguments.dropFirst().first == "--write-sample", let path = CommandLine.arguments.dropFirst(2).first {
            try UsageBench.writeSample(path)
        } else {
            try UsageBench.run()
        }
    } catch {
        FileHandle.standardError.write(Data("breakeven-bench: \(error)\n".utf8))
        exit(70)
    }
    exit(0)
}

// `breakeven-bench --monte-carlo`: only the Monte Carlo and sweep figures; with BENCH_PROFILE=N
// in the environment, only the trial loop on N threads, 20 times over, for a profiler.
if CommandLine.arguments.dropFirst().first == "--monte-carlo" || ProcessInfo.processInfo.environment["BENCH_PROFILE"] != nil {
    if MonteCarloBench.run().isNaN { print("checksum: NaN") }
    exit(0)
}
// `breakeven-bench --every-example [FILE]`: only 10,000 trials of each example with every input
// uncertain (one file under a profiler: `perf record -g .build/release/breakeven-bench --every-example FILE`).
if CommandLine.arguments.dropFirst().first == "--every-example" {
    let catalog = (try? CatalogStore.seed()) ?? CatalogSnapshot()
    let files = CommandLine.arguments.count > 2 ? Array(CommandLine.arguments.dropFirst(2))
        : ((try? FileManager.default.contentsOfDirectory(atPath: "scenarios")) ?? []).filter { $0.hasSuffix(".json") && !$0.hasSuffix("schema.json") }.sorted().map { "scenarios/" + $0 }
    let examples = files.compactMap { path -> (path: String, loaded: LoadedScenario)? in
        guard let data = FileManager.default.contents(atPath: path), let l = try? Pipeline.load(Array(data), file: path, catalog: catalog) else { return nil }
        return (path, l)
    }
    if MonteCarloBench.everyExample(examples).isNaN { print("checksum: NaN") }
    exit(0)
}

let arguments = CommandLine.arguments.dropFirst()
let paths: [String]
if let path = arguments.first {
    paths = [path]
} else {
    paths = ((try? FileManager.default.contentsOfDirectory(atPath: "scenarios")) ?? [])
        .filter { $0.hasSuffix(".json") && !$0.hasSuffix("schema.json") }.sorted().map { "scenarios/" + $0 }
}
let catalog = (try? CatalogStore.seed()) ?? CatalogSnapshot()
var loaded: [(String, [UInt8], Scenario)] = []
var loadedExamples: [(path: String, loaded: LoadedScenario)] = []
for path in paths {
    guard let data = FileManager.default.contents(atPath: path) else {
        FileHandle.standardError.write(Data("breakeven-bench: cannot read \(path)\n".utf8))
        exit(66)
    }
    do {
        let l = try Pipeline.load(Array(data), file: path, catalog: catalog)
        loaded.append((path, Array(data), l.scenario))
        loadedExamples.append((path, l))
    } catch {
        FileHandle.standardError.write(Data((error.formatted + "\n").utf8))
        exit(65)
    }
}
guard let largest = loaded.max(by: { $0.2.options.count * $0.2.months < $1.2.options.count * $1.2.months }) else {
    print("no scenarios")
    exit(66)
}
let (path, bytes, scenario) = largest
let optionMonths = Double(scenario.options.count * scenario.months)

// Simulation alone: repeat for about a second.
var repeats = 0
var checksum = 0.0
var simulation = 0.0
while simulation < 1 {
    simulation += seconds {
        for _ in 0..<100 {
            checksum += Simulator.project(scenario).options[0].months[0].totalCost
        }
    }
    repeats += 100
}
print("scenario: \(path) (\(scenario.options.count) options × \(scenario.months) months)")
print(String(format: "simulate: %.0f option-months/s (%d projections in %.3f s)", optionMonths * Double(repeats) / simulation, repeats, simulation))

// A whole run, as `breakeven run --format markdown,csv,json` does it, without the disk.
var runs = 0
let whole = seconds {
    for _ in 0..<20 {
        guard let s = try? Pipeline.load(bytes, file: path, catalog: catalog).scenario else { return }
        let result = BreakevenAnalysis.analyse(s, Simulator.project(s))
        let md = MarkdownReport.render(result, context: ReportContext(scenarioPath: path))
        let csv = CSVReport.monthly(result) + CSVReport.summary(result)
        let json = (try? JSONReport.render(result)) ?? ""
        checksum += Double(md.count + csv.count + json.count)
        runs += 1
    }
}
print(String(format: "run: %.1f ms per scenario (load, simulate, analyse, render markdown+csv+json; mean of %d)", whole / Double(runs) * 1000, runs))
// Catalog imports of the full price files, where they are present (../shared/data in the
// development workplace; set BREAKEVEN_PRICE_FILES to another folder).
let priceFolder = ProcessInfo.processInfo.environment["BREAKEVEN_PRICE_FILES"] ?? "../shared/data"
for (file, importer) in [("litellm-model-prices.json", { (d: Data) in try PriceImportWorkload.importLiteLLM(d) }),
                         ("genai-prices-v2-data.json", { (d: Data) in try PriceImportWorkload.importGenAIPrices(d) })] {
    guard let data = FileManager.default.contents(atPath: (priceFolder as NSString).appendingPathComponent(file)) else { continue }
    var summary: ImportSummary?
    let elapsed = seconds { summary = try? importer(data) }
    if let summary {
        print(String(format: "import %@: %.3f s (%@)", file, elapsed, summary.description))
    } else {
        print("import \(file): failed")
    }
}

// `catalog update`'s transaction: both files at once, twice (the second round must change nothing).
if let lite = FileManager.default.contents(atPath: (priceFolder as NSString).appendingPathComponent("litellm-model-prices.json")),
   let genAI = FileManager.default.contents(atPath: (priceFolder as NSString).appendingPathComponent("genai-prices-v2-data.json")),
   let store = try? CatalogStore.inMemory() {
    let options = PriceImportOptions(observedOn: PriceImportWorkload.liteLLMObservedOn, dating: .importDate)
    for round in 1...2 {
        var summaries: (genAIPrices: ImportSummary, liteLLM: ImportSummary)?
        let elapsed = seconds {
            summaries = try? store.importPriceFiles(genAIPrices: (genAI, "data.json", options),
                                                    liteLLM: (lite, "model_prices_and_context_window.json", options))
        }
        let text = summaries.map { "genai-prices \($0.genAIPrices.updated) updated, LiteLLM \($0.liteLLM.updated) updated" } ?? "failed"
        print(String(format: "update round %d (both files, one transaction): %.3f s (%@)", round, elapsed, text))
    }
}

// export prices: the FOCUS forecast of the scenario's provisioned options.
if let s = try? ScenarioLoader.load(bytes, file: path, catalog: catalog).scenario {
    let result = BreakevenAnalysis.analyse(s, Simulator.project(s))
    var rows = 0
    let export = seconds {
        for _ in 0..<100 { rows += FOCUSPriceExport.render(PriceForecast(result: result, scenarioFile: path)).count }
    }
    print(String(format: "export prices --format focus: %.2f ms per scenario (mean of 100)", export / 100 * 1000))
    checksum += Double(rows)
}

checksum += MonteCarloBench.run()
checksum += MonteCarloBench.everyExample(loadedExamples)
do {
    try UsageBench.run()
} catch {
    print("usage: failed: \(error)")
}
// Keeps the optimiser from dropping the work.
if checksum.isNaN { print("checksum: NaN") }

import ArgumentParser
import BreakevenCatalog
import BreakevenCore
import Crypto
import Foundation

/// `breakeven capacity calibrate`: fits the capacity model's efficiencies to measured benchmark
/// results (or a vLLM deployment's own metrics from Prometheus) of one device × model × engine,
/// prints every point before and after, and stores the calibration in the catalog, where scenarios
/// that match it pick it up.
struct CapacityCalibrateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "calibrate",
        abstract: "Fit memory-bandwidth and compute utilization and per-step overhead to your own benchmark results."
    )

    @Argument(help: "Result files: vLLM benchmark_serving JSON, GuideLLM benchmarks.json, AIPerf or GenAI-Perf JSON exports, llama-bench -o json, SGLang bench_serving JSON Lines, llmperf *_summary.json, Prometheus query_range answers.")
    var files: [String]

    @Option(help: ArgumentHelp("The files' format: vllm, guidellm, aiperf, genai-perf, llama-bench, sglang, llmperf or prometheus.", valueName: "FORMAT"))
    var format: BenchmarkFormat

    @Option(help: "With --format prometheus: the served model to read (vLLM's model_name label), where the metrics hold several.")
    var modelName: String?

    @Option(help: "The catalog GPU or machine measured (h100-sxm, dgx-spark).")
    var gpu: String

    @Option(help: "The catalog open model measured (llama-3.1-8b).")
    var model: String

    @Option(help: "Weight precision (default: the model's native precision).")
    var precision: String?

    @Option(help: "KV cache precision (default: bf16).")
    var kvCachePrecision: String = "bf16"

    @Option(help: "Devices per replica in the benchmark.")
    var tensorParallel: Int = 1

    @Option(help: "The serving engine measured (default: vllm, llama.cpp for llama-bench, sglang for sglang).")
    var engine: String?

    @Option(help: "The calibration's name (default: GPU-MODEL-ENGINE).")
    var name: String?

    @OptionGroup var catalog: CatalogOptions

    func run() throws {
        if modelName != nil, format != .prometheus {
            throw usage("--model-name reads Prometheus metrics: give it with --format prometheus")
        }
        let snapshot = try catalog.load().snapshot
        let setup = try setup(in: snapshot, format: format)
        var inputs: [(file: String, data: Data)] = []
        var digest = SHA256()
        for file in files {
            guard let data = FileManager.default.contents(atPath: file) else {
                throw CommandFailure(ExitStatus.noInput, "\(file): no such file or it cannot be read")
            }
            digest.update(data: data)
            inputs.append((file, data))
        }
        let measurements: [CalibrationMeasurement]
        do throws(BenchmarkFileError) {
            let reading = try BenchmarkFile.read(inputs, format: format, servedModel: modelName)
            measurements = reading.points
            for note in reading.notes { Terminal.error(note) }
        } catch {
            Terminal.error(error.description)
            throw ExitStatus.dataError
        }
        let fit = CalibrationFit.fit(measurements, setup: setup)
        let engine = setup.servingEngine
        let calibration = Calibration(
            name: name ?? "\(gpu)-\(model)-\(engine.rawValue)", gpu: gpu, model: model, engine: engine,
            precision: setup.weightPrecision, kvCachePrecision: setup.kvCachePrecision, tensorParallel: tensorParallel,
            memoryBandwidthUtilization: fit.memoryBandwidthUtilization, computeUtilization: fit.computeUtilization,
            stepOverheadMs: fit.stepOverheadMs, residual: fit.residual, points: fit.points, format: format.rawValue,
            sourceDigest: digest.finalize().map { String(format: "%02x", $0) }.joined(), sourceFiles: files,
            createdOn: CatalogCommand.today())
        // Figures far beyond a real benchmark can fit to an inf residual: stored, it would make the catalog unreadable.
        if let problem = calibration.figureProblem {
            Terminal.error("\(files.joined(separator: ", ")): error: the measurements cannot be fitted: \(problem)")
            throw ExitStatus.dataError
        }
        Terminal.out(Self.report(calibration, before: fit.residualBefore) + Self.identification(fit))
        guard let path = catalog.chosenPath else {
            Terminal.out("Not stored: give --catalog DB (or BREAKEVEN_CATALOG) to keep it; the built-in catalog is read-only.")
            return
        }
        do {
            try CatalogStore(path: path).save(calibration)
        } catch {
            throw CommandFailure(ExitStatus.cantCreate, "\(path): cannot store the calibration: \(error)")
        }
        Terminal.out("Stored as calibration \"\(calibration.name)\" in \(path); scenarios on \(gpu) with \(model) and \(engine.rawValue) use it.")
    }

    private func usage(_ message: String) -> ExitCode {
        Terminal.error("breakeven: \(message)")
        return ExitStatus.usage
    }

    private func setup(in snapshot: CatalogSnapshot, format: BenchmarkFormat) throws -> ServingSetup {
        let device: Accelerator
        if let g = snapshot.gpu(gpu) {
            device = Accelerator(g)
        } else if let h = snapshot.hardware.last(where: { $0.id == gpu }) {
            device = Accelerator(h)
        } else {
            let ids = snapshot.gpus.map(\.id) + Array(Set(snapshot.hardware.map(\.id))).sorted()
            throw usage("--gpu: unknown GPU or machine \"\(gpu)\"" + Suggestion.clause(for: gpu, in: ids))
        }
        guard let architecture = snapshot.openModel(model) else {
            throw usage("--model: unknown open model \"\(model)\"" + Suggestion.clause(for: model, in: snapshot.openModels.map(\.id)))
        }
        guard let weights = precision.map(Precision.init(rawValue:)) ?? architecture.nativePrecision ?? .bf16,
              let kv = Precision(rawValue: kvCachePrecision) else {
            throw usage("--precision and --kv-cache-precision must be one of \(Precision.allCases.map(\.rawValue).joined(separator: ", "))")
        }
        guard ReplicaCapacity.tensorParallelDegrees.contains(tensorParallel) else {
            throw usage("--tensor-parallel must be 1, 2, 4 or 8, found \(tensorParallel)")
        }
        let servingEngine: ServingEngine
        if let engine {
            guard let e = ServingEngine(rawValue: engine) else {
                throw usage("--engine must be one of \(ServingEngine.allCases.map(\.rawValue).joined(separator: ", ")), found \"\(engine)\"")
            }
            servingEngine = e
        } else {
            servingEngine = format == .llamaBench ? .llamaCpp : format == .sglang ? .sglang : .vllm
        }
        return ServingSetup(model: architecture, accelerator: device, weightPrecision: weights, kvCachePrecision: kv,
                            tensorParallel: tensorParallel, layoutChoice: .tensor, request: RequestShape(inputTokens: 1, outputTokens: 1),
                            engine: servingEngine)
    }

    static func report(_ c: Calibration, before: Double) -> String {
        func n(_ x: Double) -> String { Money.grouped(Money.fixed(x, decimals: 1)) }
        func pct(_ x: Double) -> String { Money.fixed(x * 100, decimals: 1) + "%" }
        var table = TerminalTable(["input", "output", "concurrency", "metric", "measured", "before", "error", "after", "error"], left: [3])
        for p in c.points {
            table.append([n(p.inputTokens), n(p.outputTokens), String(p.concurrency), p.metric, n(p.measured),
                          n(p.predictedBefore), pct(p.predictedBefore / p.measured - 1), n(p.predictedAfter), pct(p.predictedAfter / p.measured - 1)])
        }
        return """
        \(c.gpu) × \(c.model) × \(c.engine.rawValue), \(c.precision.rawValue) weights, \(c.tensorParallel) device(s): \(c.points.count) point\(c.points.count == 1 ? "" : "s")
        \(table.text)
        fitted: memory bandwidth utilization \(Money.fixed(c.memoryBandwidthUtilization, decimals: 3)), compute utilization \(Money.fixed(c.computeUtilization, decimals: 3)), step overhead \(Money.fixed(c.stepOverheadMs, decimals: 2)) ms
        residual (RMS of ln predicted/measured): \(pct(before)) with the defaults, \(pct(c.residual)) after
        """
    }

    /// What the points could not fix: the fit kept nearest the defaults there, and says so.
    static func identification(_ fit: CalibrationFit.Outcome) -> String {
        guard fit.determined < CalibrationFit.Figure.allCases.count else { return "" }
        let unseen = fit.unseen.isEmpty ? "" : "; no point moves with the \(fit.unseen.map(\.rawValue).joined(separator: " or the "))"
        return "\nthese points fix \(fit.determined) of the 3 figures\(unseen): where they leave a choice, the fit stays nearest the "
            + "published defaults (points at other batch sizes and prompt lengths, and a prefill, fit the rest)"
    }
}

extension BenchmarkFormat: ExpressibleByArgument {}

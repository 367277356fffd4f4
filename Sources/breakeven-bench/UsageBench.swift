import BreakevenCore
import BreakevenUsage
import Foundation

/// Usage-in speed figures (release build, one core): importing a million LiteLLM rows (about
/// 200 MB of CSV, generated here) with the process's peak memory; six months of hourly OpenAI
/// buckets for 20 models; `fit` over ten million requests' worth of usage.
enum UsageBench {
    static func utc(_ text: String) -> Date {
        Date(timeIntervalSince1970: TimeInterval(Timestamp(text)))
    }

    /// Unix seconds of "YYYY-MM-DD".
    static func Timestamp(_ text: String) -> Int64 {
        let p = text.split(separator: "-").compactMap { Int($0) }
        let (y, m, d) = (p[0], p[1], p[2])
        let yy = m <= 2 ? y - 1 : y
        let era = yy / 400, yoe = yy - era * 400, mp = (m + 9) % 12
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + (153 * mp + 2) / 5 + d - 1
        return Int64(era * 146_097 + doe - 719_468) * 86_400
    }

    /// The process's peak resident memory in MB (getrusage: kilobytes on Linux, bytes on macOS).
    static func peakMemoryMB() -> Double {
        var usage = rusage()
        #if os(Linux)
        getrusage(RUSAGE_SELF.rawValue, &usage)
        return Double(usage.ru_maxrss) / 1024
        #else
        getrusage(RUSAGE_SELF, &usage)
        return Double(usage.ru_maxrss) / 1_048_576
        #endif
    }

    /// CPU seconds (user + system) of the process so far.
    static func cpuSeconds() -> Double {
        var usage = rusage()
        #if os(Linux)
        getrusage(RUSAGE_SELF.rawValue, &usage)
        #else
        getrusage(RUSAGE_SELF, &usage)
        #endif
        return Double(usage.ru_utime.tv_sec + usage.ru_stime.tv_sec) + Double(usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1e6
    }

    /// Wall and CPU seconds of `body`: the machine is shared, so both are printed.
    static func timed(_ body: () throws -> Void) rethrows -> (wall: Double, cpu: Double) {
        let cpu = cpuSeconds()
        let wall = try seconds(body)
        return (wall, cpuSeconds() - cpu)
    }

    /// The sample export committed as scenarios/usage/support-litellm.csv.
    static func writeSample(_ path: String) throws {
        var generator = SpendLogGenerator(start: utc("2026-04-16"), end: utc("2026-11-13"), requestsPerDay: 13, monthlyGrowth: 0.07,
                                          timeZone: TimeZone(identifier: "Europe/Paris") ?? .current, seed: 2026)
        let rows = try generator.write(to: path)
        print("\(path): \(rows) rows")
    }

    static func run() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("breakeven-usage-bench-\(getpid())")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let db = dir.appendingPathComponent("usage.sqlite").path
        let store = try UsageStore(path: db)

        // A million requests over six months (about 5,470 a day).
        let csv = dir.appendingPathComponent("spend.csv").path
        var generator = SpendLogGenerator(start: utc("2026-05-01"), end: utc("2026-11-01"), requestsPerDay: 6030, monthlyGrowth: 0,
                                          timeZone: TimeZone(identifier: "UTC") ?? .current, seed: 7)
        generator.lean = true
        var rows = 0
        let written = try seconds { rows = try generator.write(to: csv) }
        let size = Double((try FileManager.default.attributesOfItem(atPath: csv)[.size] as? Int) ?? 0) / 1e6
        print(String(format: "usage: generated %d LiteLLM rows, %.0f MB, in %.1f s", rows, size, written))
        let before = peakMemoryMB()
        let imported = try timed { _ = try store.importFile(csv, format: .litellm) }
        print(String(format: "usage import litellm: %.2f s (%.2f s CPU) for %d rows, %.0f rows/s; peak memory %.0f MB (%.0f MB before the import); target < 20 s, < 300 MB",
                     imported.wall, imported.cpu, rows, Double(rows) / imported.wall, peakMemoryMB(), before))

        // Six months of hourly buckets for 20 models, the rest of ten million requests.
        let pages = dir.appendingPathComponent("openai.jsonl").path
        let requests = try writeOpenAIPages(pages, models: 20, from: Timestamp("2026-05-01"), to: Timestamp("2026-11-01"),
                                            requests: 10_000_000 - rows)
        var buckets = 0
        let openai = try timed { buckets = try store.importFile(pages, format: .openai).records }
        print(String(format: "usage import openai: %.2f s (%.2f s CPU) for %d hourly buckets of 20 models; target < 2 s", openai.wall, openai.cpu, buckets))

        // Reading it back, every row checked (StoredUsage): the best of three.
        var read = (wall: Double.infinity, cpu: Double.infinity)
        var months: [UsageMonth] = []
        for _ in 0..<3 {
            let t = try timed { months = try store.history().months }
            read = (min(read.wall, t.wall), min(read.cpu, t.cpu))
        }
        print(String(format: "usage read: %.3f s (%.3f s CPU) for %d buckets in %d model-months, every row checked, best of 3",
                     read.wall, read.cpu, months.reduce(0) { $0 + $1.figures.buckets }, months.count))

        // fit over all of it: ten million requests' worth.
        var fitted: FittedWorkload?
        let fit = try timed {
            let history = try store.history()
            fitted = try WorkloadFit.fit(history, FitOptions(longContextThresholds: [128_000, 200_000, 272_000]))
        }
        print(String(format: "fit: %.3f s (%.3f s CPU) over %d requests' worth of usage, %@; target < 1 s", fit.wall, fit.cpu, rows + requests,
                     fitted.map { FitBenchText.months($0) } ?? "nothing fitted"))
    }

    /// JSON Lines of usage pages: one page a day of 24 hourly buckets, a result per model.
    static func writeOpenAIPages(_ path: String, models: Int, from: Int64, to: Int64, requests total: Int) throws -> Int {
        guard FileManager.default.createFile(atPath: path, contents: nil), let out = FileHandle(forWritingAtPath: path) else {
            throw CocoaError(.fileWriteUnknown)
        }
        defer { try? out.close() }
        let hours = Int((to - from) / 3600)
        let perBucket = max(1, total / (hours * models))
        var day = from
        while day < to {
            var page = #"{"object":"page","data":["#
            for h in 0..<24 {
                let start = day + Int64(h) * 3600
                let weight = SpendLogGenerator.hourly[h] / 0.9
                let results = (0..<models).map { m in
                    let n = Int(Double(perBucket) * weight)
                    return #"{"object":"organization.usage.completions.result","input_tokens":\#(n * 1800),"output_tokens":\#(n * 300),"input_cached_tokens":\#(n * 700),"num_model_requests":\#(n),"project_id":null,"user_id":null,"api_key_id":null,"model":"model-\#(m)","batch":null}"#
                }
                page += (h > 0 ? "," : "") + #"{"object":"bucket","start_time":\#(start),"end_time":\#(start + 3600),"results":[\#(results.joined(separator: ","))]}"#
            }
            out.write(Data((page + #"],"has_more":true,"next_page":null}"# + "\n").utf8))
            day += 86_400
        }
        return perBucket * hours * models
    }
}

enum FitBenchText {
    static func months(_ f: FittedWorkload) -> String {
        let months = f.diagnostics["complete_months"]?.elements?.count ?? 0
        return "\(months) complete months, first projected \(f.firstProjectedMonth)"
    }
}

import BreakevenUsage
import Foundation

/// Writes a synthetic LiteLLM `LiteLLM_SpendLogs` export (the columns of BerriAI/litellm
/// `schema.prisma`, as `psql \copy … CSV HEADER` writes them), reproducible from a seed: requests
/// drawn hour by hour (Poisson) from a daily volume that grows each month, busier on weekday
/// afternoons in the team's time zone; prompts lognormal with a share of long documents past the
/// 200k-token cliff; cache reads on most prompts; spend at the models' list prices. Used by the
/// import benchmark and to make `scenarios/usage/support-litellm.csv`.
struct SpendLogGenerator {
    struct Model {
        var name: String
        var provider: String
        var share: Double
        /// USD per million tokens: input, cache read, output; above 200k prompt tokens, input and output.
        var prices: (input: Double, cached: Double, output: Double)
        var longPrices: (input: Double, cached: Double, output: Double)?
    }

    var start: Date
    var end: Date
    /// Requests per day in the first month, before the hourly profile.
    var requestsPerDay: Double
    var monthlyGrowth: Double
    var timeZone: TimeZone
    var seed: UInt64
    var longContextShare = 0.02
    /// Only the columns and usage keys the importer reads (about 200 bytes a row, for the benchmark).
    var lean = false
    var models: [Model] = [
        Model(name: "claude-sonnet-4-5", provider: "anthropic", share: 0.9, prices: (3, 0.3, 15), longPrices: (6, 0.6, 22.5)),
        Model(name: "gpt-4o-mini", provider: "openai", share: 0.1, prices: (0.15, 0.075, 0.6), longPrices: nil),
    ]

    /// Relative load by local hour: quiet nights, a morning and an afternoon peak.
    static let hourly: [Double] = [0.15, 0.1, 0.08, 0.08, 0.1, 0.2, 0.45, 0.9, 1.5, 1.9, 2.0, 1.8,
                                   1.4, 1.7, 2.0, 1.9, 1.6, 1.2, 0.8, 0.6, 0.45, 0.35, 0.25, 0.2]

    private var state: UInt64

    init(start: Date, end: Date, requestsPerDay: Double, monthlyGrowth: Double, timeZone: TimeZone, seed: UInt64) {
        self.start = start
        self.end = end
        self.requestsPerDay = requestsPerDay
        self.monthlyGrowth = monthlyGrowth
        self.timeZone = timeZone
        self.seed = seed
        state = seed
    }

    static let leanHeader = "request_id,spend,prompt_tokens,completion_tokens,startTime,model,metadata,status\n"
    static let header = "request_id,call_type,api_key,spend,total_tokens,prompt_tokens,completion_tokens,startTime,endTime,model,custom_llm_provider,metadata,team_id,status\n"

    /// SplitMix64: a uniform in [0, 1).
    mutating func uniform() -> Double {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return Double((z ^ (z >> 31)) >> 11) / Double(1 << 53)
    }

    mutating func normal() -> Double {
        let u = max(uniform(), 1e-300), v = uniform()
        return sqrt(-2 * log(u)) * cos(2 * .pi * v)
    }

    mutating func poisson(_ lambda: Double) -> Int {
        guard lambda < 30 else { return max(0, Int((lambda + sqrt(lambda) * normal()).rounded())) }
        let limit = exp(-lambda)
        var k = 0, p = uniform()
        while p > limit {
            k += 1
            p *= uniform()
        }
        return k
    }

    mutating func hex(_ count: Int) -> String {
        var s = ""
        while s.count < count {
            s += String(UInt64(uniform() * Double(1 << 52)), radix: 16)
        }
        return String(s.prefix(count))
    }

    /// Writes the export to `path`; returns the rows written.
    @discardableResult
    mutating func write(to path: String) throws -> Int {
        guard FileManager.default.createFile(atPath: path, contents: nil), let out = FileHandle(forWritingAtPath: path) else {
            throw CocoaError(.fileWriteUnknown)
        }
        defer { try? out.close() }
        var buffer = lean ? SpendLogGenerator.leanHeader : SpendLogGenerator.header
        var rows = 0
        let keys = (0..<4).map { _ in hex(64) }
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = timeZone
        var hour = start
        while hour < end {
            let months = Double(calendar.dateComponents([.month], from: start, to: hour).month ?? 0)
            let local = calendar.dateComponents([.hour, .weekday], from: hour)
            let weekend = local.weekday == 1 || local.weekday == 7
            let lambda = requestsPerDay / 24 * pow(1 + monthlyGrowth, months) * SpendLogGenerator.hourly[local.hour ?? 0] * (weekend ? 0.35 : 1.26)
            for _ in 0..<poisson(lambda) {
                buffer += row(at: hour.addingTimeInterval(uniform() * 3600), keys: keys)
                rows += 1
                if buffer.utf8.count > 1 << 20 {
                    out.write(Data(buffer.utf8))
                    buffer = ""
                }
            }
            hour = hour.addingTimeInterval(3600)
        }
        out.write(Data(buffer.utf8))
        return rows
    }

    mutating func row(at time: Date, keys: [String]) -> String {
        var pick = uniform(), model = models[0]
        for m in models {
            pick -= m.share
            model = m
            if pick < 0 { break }
        }
        let long = model.longPrices != nil && uniform() < longContextShare
        let prompt = long ? Int(205_000 + uniform() * 55_000) : max(40, Int(1800 * exp(0.8 * normal())))
        let completion = max(5, Int(300 * exp(0.6 * normal())))
        let cached = uniform() < 0.6 ? Int(Double(prompt) * (0.5 + 0.4 * uniform())) : 0
        let failed = uniform() < 0.005
        let p = long ? (model.longPrices ?? model.prices) : model.prices
        let spend = failed ? 0 : (Double(prompt - cached) * p.input + Double(cached) * p.cached + Double(completion) * p.output) / 1e6
        let id = "\(hex(8))-\(hex(4))-\(hex(4))-\(hex(4))-\(hex(12))"
        let ended = time.addingTimeInterval(0.5 + Double(completion) / 60)
        let usage = model.provider == "anthropic"
            ? "\"\"cache_read_input_tokens\"\": \(cached)"
            : "\"\"prompt_tokens_details\"\": {\"\"cached_tokens\"\": \(cached)}"
        let metadata = failed ? "{}" : "\"{\"\"usage_object\"\": {\"\"prompt_tokens\"\": \(prompt), \"\"completion_tokens\"\": \(completion), \"\"total_tokens\"\": \(prompt + completion), \(usage)}}\""
        let tokens = failed ? (0, 0) : (prompt, completion)
        let key = keys[Int(uniform() * Double(keys.count)) % keys.count]
        if lean {
            let cache = model.provider == "anthropic" ? "\"\"cache_read_input_tokens\"\": \(cached)" : usage
            let meta = failed ? "{}" : "\"{\"\"usage_object\"\": {\"\"prompt_tokens\"\": \(prompt), \(cache)}}\""
            return "\(id),\(String(format: "%.6f", spend)),\(tokens.0),\(tokens.1),\(UsageTime.postgresText(milliseconds: SpendLogGenerator.millis(time))),\(model.name),\(meta),\(failed ? "failure" : "success")\n"
        }
        return "\(id),acompletion,\(key),\(String(format: "%.6f", spend)),\(tokens.0 + tokens.1),\(tokens.0),\(tokens.1),"
            + "\(UsageTime.postgresText(milliseconds: SpendLogGenerator.millis(time))),\(UsageTime.postgresText(milliseconds: SpendLogGenerator.millis(ended))),\(model.name),\(model.provider),\(metadata),"
            + "support,\(failed ? "failure" : "success")\n"
    }

    static func millis(_ date: Date) -> Int64 { Int64((date.timeIntervalSince1970 * 1000).rounded(.down)) }
}

/// Request classes from per-request sources' size histograms, split so that long-context price
/// cliffs are billed as the real requests were: at every long-context threshold with requests on
/// both sides (a class's mean prompt then stays on its side of the cliff, which one mean over all
/// requests would not), and at the median and 90th percentile of the prompts below the lowest
/// threshold (so that sizing sees the spread, not one mean).
struct RequestClassFit: Sendable, Hashable {
    struct Class: Sendable, Hashable {
        var name: String
        var share: Double
        var requests: Int64
        var inputTokens: Double
        var outputTokens: Double
        var cachedInputShare: Double
    }

    var classes: [Class]
    /// Upper edges (prompt tokens) of every class but the last.
    var cuts: [Int64]
    /// Thresholds that fall inside a histogram bin: split at the bin's edge instead (threshold, edge).
    var approximated: [(threshold: Int, edge: Int64)]

    static func == (a: RequestClassFit, b: RequestClassFit) -> Bool { a.classes == b.classes && a.cuts == b.cuts }
    func hash(into h: inout Hasher) { h.combine(classes) }

    static func fit(_ bins: [UsageSizeBin], thresholds: [Int]) -> RequestClassFit? {
        var sums: [Int: (requests: Int64, input: Int64, cached: Int64, output: Int64)] = [:]
        for b in bins {
            let s = sums[b.bin] ?? (0, 0, 0, 0)
            sums[b.bin] = (s.requests + b.requests, s.input + b.inputTokens, s.cached + b.cachedInputTokens, s.output + b.outputTokens)
        }
        let order = sums.keys.sorted()
        let total = order.reduce(Int64(0)) { $0 + (sums[$1]?.requests ?? 0) }
        guard total > 0 else { return nil }
        func count(upTo bin: Int) -> Int64 { order.filter { $0 <= bin }.reduce(0) { $0 + (sums[$1]?.requests ?? 0) } }
        var cuts = Set<Int>()
        var approximated: [(Int, Int64)] = []
        for t in Set(thresholds).sorted() where t > 0 {
            let bin = RequestSizeBins.bin(Int64(t))
            let below = count(upTo: bin)
            guard below > 0, below < total else { continue }
            cuts.insert(bin)
            if RequestSizeBins.upperEdge(bin) != Int64(t) { approximated.append((t, RequestSizeBins.upperEdge(bin))) }
        }
        // Quantiles of the prompts below the lowest cliff.
        let lowest = cuts.min() ?? (order.last ?? 0)
        let beneath = count(upTo: lowest)
        for q in [0.5, 0.9] {
            var running: Int64 = 0
            for bin in order where bin <= lowest {
                running += sums[bin]?.requests ?? 0
                if Double(running) >= q * Double(beneath) {
                    if running < total, running > 0 { cuts.insert(bin) }
                    break
                }
            }
        }
        var classes: [Class] = []
        var bounds: [(lower: Int64?, upper: Int64?)] = []
        var lower = Int.min
        for upper in cuts.sorted() + [Int.max] {
            defer { lower = upper }
            let members = order.filter { $0 > lower && $0 <= upper }
            let r = members.reduce(Int64(0)) { $0 + (sums[$1]?.requests ?? 0) }
            // Between two cuts with nothing there (no prompts from 100k to 200k): no class.
            guard r > 0 else { continue }
            let input = members.reduce(Int64(0)) { $0 + (sums[$1]?.input ?? 0) }
            let cached = members.reduce(Int64(0)) { $0 + (sums[$1]?.cached ?? 0) }
            let output = members.reduce(Int64(0)) { $0 + (sums[$1]?.output ?? 0) }
            classes.append(Class(name: "", share: Double(r) / Double(total), requests: r, inputTokens: Double(input) / Double(r),
                                 outputTokens: Double(output) / Double(r), cachedInputShare: input > 0 ? Double(cached) / Double(input) : 0))
            bounds.append((lower == Int.min ? nil : RequestSizeBins.upperEdge(lower), upper == Int.max ? nil : RequestSizeBins.upperEdge(upper)))
        }
        for k in classes.indices { classes[k].name = name(lower: bounds[k].lower, upper: bounds[k].upper) }
        let edges = bounds.dropLast().compactMap(\.upper)
        return RequestClassFit(classes: classes, cuts: edges, approximated: approximated)
    }

    /// "prompts up to 1,878 tokens", "prompts of 1,879 to 4,871 tokens", "prompts over 200,000 tokens".
    static func name(lower: Int64?, upper: Int64?) -> String {
        switch (lower, upper) {
        case (nil, nil): return "all"
        case (nil, let u?): return "prompts up to \(grouped(u)) tokens"
        case (let l?, nil): return "prompts over \(grouped(l)) tokens"
        case (let l?, let u?): return "prompts of \(grouped(l + 1)) to \(grouped(u)) tokens"
        }
    }

    static func grouped(_ n: Int64) -> String {
        let s = String(n)
        var out = ""
        for (i, c) in s.reversed().enumerated() {
            if i > 0, i % 3 == 0 { out.append(",") }
            out.append(c)
        }
        return String(out.reversed())
    }
}

import Foundation

/// The hourly load shape over the day: each bucket of an hour or less put in its hour of the
/// day in a time zone (a bucket that straddles two local hours, as hour buckets do in a zone
/// 30 minutes off, is split in proportion), weighted by requests (by tokens where the export
/// counts none), then scaled so the 24 weights average 1.
struct LoadShapeFit: Sendable, Hashable {
    var weights: [Double]
    var peakToAverage: Double { weights.max() ?? 1 }

    static func fit(_ hours: [UsageHour], timeZone: TimeZone) -> LoadShapeFit? {
        guard !hours.isEmpty else { return nil }
        let byRequests = hours.allSatisfy { $0.requests != nil }
        var sums = [Double](repeating: 0, count: 24)
        var offsets: [Int64: Int64] = [:]
        for h in hours {
            let amount = Double(byRequests ? (h.requests ?? 0) : h.tokens)
            guard amount > 0, h.seconds > 0 else { continue }
            // The zone's offset, once per UTC day (enough for buckets of an hour at most).
            let day = h.start - ((h.start % 86_400) + 86_400) % 86_400
            let offset = offsets[day] ?? {
                let o = Int64(timeZone.secondsFromGMT(for: Date(timeIntervalSince1970: TimeInterval(h.start))))
                offsets[day] = o
                return o
            }()
            var start = h.start + offset
            let end = start + h.seconds
            while start < end {
                let hourEnd = start - ((start % 3600) + 3600) % 3600 + 3600
                let piece = min(end, hourEnd) - start
                let hourOfDay = Int((((start % 86_400) + 86_400) % 86_400) / 3600)
                sums[hourOfDay] += amount * Double(piece) / Double(h.seconds)
                start += piece
            }
        }
        let mean = sums.reduce(0, +) / 24
        guard mean > 0 else { return nil }
        return LoadShapeFit(weights: sums.map { $0 / mean })
    }
}

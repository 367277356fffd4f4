/// Shares of the traffic routed to several options, e.g. 80% to a small self-hosted model and
/// 20% to a closed frontier model.
struct TrafficMix: Sendable, Hashable {
    struct Route: Sendable, Hashable {
        var optionID: String
        /// Share of all requests; the routes' shares sum to 1.
        var share: Double
        /// Share of this route's requests sent on to `fallbackID` as well (escalations, retries).
        var qualityFallbackShare: Double = 0
        var fallbackID: String
    }

    var routes: [Route]

    /// Each option that serves part of the traffic, with its share of all requests:
    /// its route's share plus the escalations sent to it. In first-mention order.
    var loads: [(optionID: String, share: Double)] {
        var order: [String] = []
        var share: [String: Double] = [:]
        func add(_ id: String, _ x: Double) {
            if share[id] == nil { order.append(id) }
            share[id, default: 0] += x
        }
        for r in routes {
            add(r.optionID, r.share)
            if r.qualityFallbackShare > 0 { add(r.fallbackID, r.share * r.qualityFallbackShare) }
        }
        return order.map { ($0, share[$0] ?? 0) }
    }
}

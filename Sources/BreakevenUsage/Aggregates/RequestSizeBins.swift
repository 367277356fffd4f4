import Foundation

/// The bins of the request-size histograms kept from per-request sources: prompt sizes on a
/// grid of 2^(1/8) steps (9% wide), plus exact edges at the long-context thresholds providers
/// price at, so that a split at 128k or 200k prompt tokens counts every request on its side.
///
/// Bin k holds requests with edges[k−1] < prompt tokens ≤ edges[k]. The stored bin numbers
/// depend on this list: changing it needs a migration of the usage database.
enum RequestSizeBins {
    /// Thresholds of long-context prices (OpenAI 272k, Anthropic 200k, Gemini 200k, 128k windows…)
    /// and the round sizes of context windows.
    static let exactEdges: [Int64] = [4_000, 4_096, 8_000, 8_192, 16_000, 16_384, 32_000, 32_768, 64_000, 65_536,
                                      100_000, 128_000, 131_072, 200_000, 256_000, 262_144, 272_000, 400_000,
                                      500_000, 1_000_000, 1_048_576, 2_000_000]

    /// Upper edges, increasing; prompts above the last fall in the last bin.
    static let upperEdges: [Int64] = {
        var edges = Set(exactEdges)
        for i in 0...(8 * 27) { edges.insert(Int64(pow(2, Double(i) / 8).rounded())) }
        return edges.sorted()
    }()

    /// The bin of a prompt of `tokens` tokens.
    static func bin(_ tokens: Int64) -> Int {
        var lo = 0, hi = upperEdges.count - 1
        if tokens >= upperEdges[hi] { return hi }
        while lo < hi {
            let mid = (lo + hi) / 2
            if upperEdges[mid] >= tokens { hi = mid } else { lo = mid + 1 }
        }
        return lo
    }

    /// The bin's upper edge (prompt tokens), what a split after it is at.
    static func upperEdge(_ bin: Int) -> Int64 { upperEdges[min(max(bin, 0), upperEdges.count - 1)] }
}

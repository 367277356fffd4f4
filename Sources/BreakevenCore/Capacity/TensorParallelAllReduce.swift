/// Time tensor parallelism spends exchanging activations.
///
/// Megatron-LM splits each transformer layer so that one all-reduce follows attention and one
/// follows the MLP (Shoeybi et al. 2019): 2 all-reduces a layer, each over tokens × hidden size
/// activations in BF16.
enum TensorParallelAllReduce {
    /// Fixed start-up latency and per-hop link latency of GenZ (`collective_times.get_AR_time`:
    /// 5 µs + 2(N−1) × 1.9 µs), in line with llm-analysis's 8 µs minimum message latency.
    static let startLatency = 5e-6
    static let linkLatency = 1.9e-6
    static let activationBytes = 2.0

    /// Ring all-reduce of `bytes` among `devices`: start + 2(N−1)·link latency + 2(N−1)/N · bytes / link
    /// bandwidth (GenZ `get_AR_time`, after the Preferred Networks ring all-reduce write-up).
    static func seconds(bytes: Double, devices: Int, linkBytesPerSecond: Double) -> Double {
        guard devices > 1 else { return 0 }
        let n = Double(devices)
        return startLatency + 2 * (n - 1) * linkLatency + 2 * (n - 1) / n * bytes / linkBytesPerSecond
    }

    /// All the all-reduces of one forward pass over `tokens` tokens.
    static func secondsPerForwardPass(tokens: Double, model: OpenModelArchitecture, devices: Int,
                                      linkBytesPerSecond: Double) -> Double {
        let bytes = tokens * Double(model.hiddenSize) * activationBytes
        return 2 * Double(model.layers) * seconds(bytes: bytes, devices: devices, linkBytesPerSecond: linkBytesPerSecond)
    }
}

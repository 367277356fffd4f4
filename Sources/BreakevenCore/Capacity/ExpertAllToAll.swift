/// Time expert parallelism spends sending tokens to the devices that hold their experts and back.
///
/// Each MoE layer dispatches every token's hidden state to its k experts and combines the results
/// (DeepSeek-V3 technical report §3.2; DeepEP): a device sends its tokens' k copies to the devices
/// holding those experts, (N − 1)/N of them elsewhere, once each way.
enum ExpertAllToAll {
    /// One all-to-all among `devices`: the start-up latency of a collective plus the bytes one
    /// device sends over its link.
    static func seconds(bytesPerDevice: Double, devices: Int, linkBytesPerSecond: Double) -> Double {
        guard devices > 1 else { return 0 }
        let n = Double(devices)
        return TensorParallelAllReduce.startLatency + (n - 1) * TensorParallelAllReduce.linkLatency
            + bytesPerDevice * (n - 1) / n / linkBytesPerSecond
    }

    /// Dispatch and combine at every layer for `tokens` tokens spread evenly over the devices.
    static func secondsPerForwardPass(tokens: Double, model: OpenModelArchitecture, devices: Int,
                                      linkBytesPerSecond: Double) -> Double {
        let k = Double(model.expertsPerToken ?? 1)
        let bytes = tokens / Double(devices) * k * Double(model.hiddenSize) * TensorParallelAllReduce.activationBytes
        return 2 * Double(model.layers) * seconds(bytesPerDevice: bytes, devices: devices, linkBytesPerSecond: linkBytesPerSecond)
    }
}

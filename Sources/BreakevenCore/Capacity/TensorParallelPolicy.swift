/// How the layout (devices per replica, tensor or expert parallel) is chosen when the scenario
/// does not set it.
public enum TensorParallelPolicy: String, Sendable, Hashable {
    /// The smallest of 1, 2, 4, 8 devices that holds the weights plus the KV cache of one full
    /// request and meets the latency targets.
    case smallestThatFits = "smallest_that_fits"
    /// Among the layouts that fit and meet the targets, the lowest cost per token: a device-hour
    /// costs the same whatever the layout, so the most output tokens per second per device (ties:
    /// fewer devices). Avoids a replica that barely holds its weights and so runs a batch of a few.
    case mostThroughputPerDevice = "most_throughput_per_device"
}

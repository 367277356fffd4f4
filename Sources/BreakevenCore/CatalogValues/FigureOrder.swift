/// Two figures of one entry that must stand in order, `low ≤ high`, where no range of either alone
/// can say so: an open model with more active parameters than parameters or more KV heads than
/// query heads, a machine that draws more power idle than busy, fewer provisioned units than the
/// provider's minimum. A model's and a machine's orders are the catalog's CHECK rules too: the
/// scenario checker (at the key the scenario wrote), the catalog's writer and its reader, the
/// capacity model and the lowering of a drawn value all use these, so that a scenario's inline
/// model or machine, a trial's and a catalog row obey one rule.
public struct FigureOrder: Sendable {
    /// Each figure by its key, as the scenario language and the catalog's columns both name it.
    let low: (key: String, value: Double), high: (key: String, value: Double)
    /// Where both are written, the key a message names: the one more likely wrong (`kv_heads`
    /// above `attention_heads`, but `units` below `min_units`).
    let blamed: String

    init(_ lowKey: String, _ low: Double, atMost highKey: String, _ high: Double, blamingHigh: Bool = false) {
        self.low = (lowKey, low)
        self.high = (highKey, high)
        blamed = blamingHigh ? highKey : lowKey
    }

    var holds: Bool { low.value <= high.value }

    /// What one of the two keys expected: `expected at most attention_heads (8), found 64` at
    /// `kv_heads`, or from the other side, `expected at least kv_heads (64), found 8` at `attention_heads`.
    func expectation(at key: String) -> String {
        let (at, other, relation) = key == high.key ? (high, low, "at least") : (low, high, "at most")
        return "expected \(relation) \(other.key) (\(NumberBounds.format(other.value))), found \(NumberBounds.format(at.value))"
    }

    /// The first order that does not hold, worded at its low key (`kv_heads: expected at most
    /// attention_heads (8), found 64`); nil when all hold.
    public static func firstBroken(_ orders: [FigureOrder]) -> String? {
        orders.first { !$0.holds }.map { "\($0.low.key): " + $0.expectation(at: $0.low.key) }
    }
}

extension OpenModelArchitecture {
    /// A mixture of experts uses part of its weights per token, and some of its experts; grouped-query
    /// attention shares a KV head among several query heads; sliding-window layers are some of the layers.
    public var figureOrders: [FigureOrder] {
        var orders: [FigureOrder] = []
        orders.reserveCapacity(4)
        forEachFigureOrder { orders.append($0) }
        return orders
    }

    /// The first of `figureOrders` that does not hold, found with no array: the capacity model
    /// checks them on every estimate.
    var brokenFigureOrder: FigureOrder? {
        var broken: FigureOrder?
        forEachFigureOrder { order in
            if broken == nil, !order.holds { broken = order }
        }
        return broken
    }

    private func forEachFigureOrder(_ body: (FigureOrder) -> Void) {
        body(FigureOrder("active_parameters", activeParameters, atMost: "total_parameters", totalParameters))
        body(FigureOrder("kv_heads", Double(kvHeads), atMost: "attention_heads", Double(attentionHeads)))
        if let experts, let expertsPerToken {
            body(FigureOrder("experts_per_token", Double(expertsPerToken), atMost: "experts", Double(experts)))
        }
        if let slidingWindowLayers {
            body(FigureOrder("sliding_window_layers", Double(slidingWindowLayers), atMost: "layers", Double(layers)))
        }
    }
}

extension HardwareSpec {
    public var figureOrders: [FigureOrder] { [FigureOrder.power(busy: wattsBusy, idle: wattsIdle)] }
}

extension FigureOrder {
    /// A machine draws no more on and idle than while generating.
    static func power(busy: Double, idle: Double) -> FigureOrder {
        FigureOrder("watts_idle", idle, atMost: "watts_busy", busy)
    }
}

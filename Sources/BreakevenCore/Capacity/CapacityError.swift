import Foundation

/// Why a setup cannot be served, as a value the caller can show or test.
public enum CapacityError: Error, Sendable, Hashable, CustomStringConvertible {
    /// A number outside its range: `subject` names the model, accelerator or request.
    case invalidValue(subject: String, field: String, expected: String, found: Double)
    case invalidTensorParallel(found: Int)
    case invalidMaxBatch(found: Int)
    /// Even 8 devices cannot hold the weights plus one full request.
    case modelTooLarge(model: String, precision: Precision, accelerator: String, requiredGB: Double,
                       availableGB: Double, reserveShare: Double)
    /// The tensor-parallel degree the scenario set cannot hold the weights plus one full request.
    case doesNotFit(model: String, precision: Precision, accelerator: String, tensorParallel: Int,
                    requiredGB: Double, availableGB: Double, reserveShare: Double)
    /// No batch, not even 1, meets the target at any degree tried; `bestMs` is the best reached.
    case latencyUnreachable(metric: LatencyMetric, targetMs: Double, bestMs: Double, accelerator: String,
                            tensorParallel: Int)

    public var description: String {
        switch self {
        case let .invalidValue(subject, field, expected, found):
            return "\(subject): \(field) must be \(expected), found \(Self.number(found))"
        case let .invalidTensorParallel(found):
            return "tensor_parallel must be 1, 2, 4 or 8, found \(found)"
        case let .invalidMaxBatch(found):
            return "max_batch must be at least 1, found \(found)"
        case let .modelTooLarge(model, precision, accelerator, required, available, reserve):
            return "\(model) at \(precision.rawValue) needs \(Self.gigabytes(required)) (weights plus the KV cache of one full request) but 8 × \(accelerator) hold \(Self.gigabytes(available)) after the \(Self.percent(reserve)) runtime reserve"
        case let .doesNotFit(model, precision, accelerator, tensorParallel, required, available, reserve):
            let verb = tensorParallel == 1 ? "holds" : "hold"
            return "\(model) at \(precision.rawValue) needs \(Self.gigabytes(required)) (weights plus the KV cache of one full request) but \(tensorParallel) × \(accelerator) \(verb) \(Self.gigabytes(available)) after the \(Self.percent(reserve)) runtime reserve"
        case let .latencyUnreachable(metric, target, best, accelerator, tensorParallel):
            return "\(metric.phrase) target of \(Self.number(target)) ms is out of reach: the best is \(Self.milliseconds(best)) at batch 1 on \(tensorParallel) × \(accelerator)"
        }
    }

    static func number(_ value: Double) -> String {
        if value.isFinite, value == value.rounded(), abs(value) < 1e15 { return String(Int(value)) }
        return String(format: "%g", value)
    }

    static func gigabytes(_ value: Double) -> String { String(format: "%.1f GB", value) }
    static func milliseconds(_ value: Double) -> String { String(format: "%.1f ms", value) }
    static func percent(_ share: Double) -> String { String(format: "%.0f%%", share * 100) }
}

import BreakevenCore

/// A warning the change brings or clears, matched by what it is about (its code, its option and,
/// for a stale price, the price), so a warning whose amounts merely moved is neither: a reviewer
/// sees the traps a pull request walks into or out of, not every figure again.
public struct WarningChange: Sendable, Hashable, Encodable {
    public enum Status: String, Sendable, Hashable, Encodable {
        case new
        case cleared
    }

    public var status: Status
    public var code: WarningCode
    /// The option it concerns; nil for the scenario as a whole.
    @ExplicitNull public var option: String?
    /// In words, from the side that has it.
    public var text: String

    init(_ status: Status, _ warning: Warning, in result: BreakevenResult) {
        self.status = status
        code = warning.code
        option = warning.option
        text = WarningWording.sentence(warning, in: result)
    }

    /// HEAD's warnings the base lacks, then the base's warnings HEAD lacks; a new scenario's
    /// warnings are all new.
    static func changes(before: BreakevenResult?, after: BreakevenResult) -> [WarningChange] {
        let old = Set((before?.warnings ?? []).map(Subject.init))
        let new = Set(after.warnings.map(Subject.init))
        var out = after.warnings.filter { !old.contains(Subject($0)) }.map { WarningChange(.new, $0, in: after) }
        if let before {
            out += before.warnings.filter { !new.contains(Subject($0)) }.map { WarningChange(.cleared, $0, in: before) }
        }
        return out
    }

    /// What a warning is about.
    struct Subject: Hashable {
        var code: WarningCode
        var option: String?
        var price: String?

        init(_ w: Warning) {
            code = w.code
            option = w.option
            price = w.figures.price
        }
    }
}

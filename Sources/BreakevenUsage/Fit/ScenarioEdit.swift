import BreakevenCore

/// `fit --into`: a scenario's text with its workload replaced by a fitted one, everything else
/// kept byte for byte (the `start` string moved to the first projected month if it was earlier,
/// and the fitted inputs merged into `uncertainty` when asked for).
public struct ScenarioEdit: Sendable {
    public var text: [UInt8]
    /// The start month before and after, when it moved.
    public var movedStart: (from: CalendarMonth, to: CalendarMonth)?

    /// Why a scenario's text cannot take a fitted workload.
    public struct Problem: Error, Sendable, Hashable, CustomStringConvertible {
        public var description: String
    }

    public init(_ original: [UInt8], fitted: FittedWorkload, mergeUncertainty: Bool) throws {
        let root: JSONNode
        do {
            root = try JSONParser.parse(original)
        } catch {
            throw Problem(description: "\(error.location.line):\(error.location.column): error: \(error.message)")
        }
        guard let members = root.members, let workload = members.first(where: { $0.key == "workload" }) else {
            throw Problem(description: "1:1: error: expected a scenario object with a \"workload\" key")
        }
        let indent = ScenarioEdit.indentation(of: workload.keyLocation.line, in: original)
        var edits: [(range: Range<Int>, replacement: String)] = []
        let workloadRange = try ScenarioEdit.range(of: workload.value, in: original)
        var replacement = ScenarioEdit.pretty(fitted.workload, indent: indent)
        if mergeUncertainty, let inputs = fitted.uncertainty?["inputs"]?.members {
            if let existing = members.first(where: { $0.key == "uncertainty" }), existing.value.members != nil {
                edits.append((try ScenarioEdit.range(of: existing.value, in: original),
                              ScenarioEdit.pretty(ScenarioEdit.merged(existing.value, inputs), indent: indent)))
            } else if let block = fitted.uncertainty {
                replacement += ",\n" + indent + "\"uncertainty\": " + ScenarioEdit.pretty(block, indent: indent)
            }
        }
        edits.append((workloadRange, replacement))
        if let start = members.first(where: { $0.key == "start" }), let text = start.value.string, let month = CalendarMonth(text),
           month < fitted.firstProjectedMonth {
            edits.append((try ScenarioEdit.range(of: start.value, in: original), "\"\(fitted.firstProjectedMonth)\""))
            movedStart = (month, fitted.firstProjectedMonth)
        }
        var out = original
        for edit in edits.sorted(by: { $0.range.lowerBound > $1.range.lowerBound }) {
            out.replaceSubrange(edit.range, with: Array(edit.replacement.utf8))
        }
        text = out
    }

    /// The existing block with the fitted inputs set (others kept, in their order).
    static func merged(_ block: JSONNode, _ fitted: [JSONNode.Member]) -> JSONNode {
        var members = block.members ?? []
        var inputs = members.first { $0.key == "inputs" }?.value.members ?? []
        for m in fitted {
            if let k = inputs.firstIndex(where: { $0.key == m.key }) { inputs[k].value = m.value } else { inputs.append(m) }
        }
        let node = JSONNode(.object(inputs), at: .start)
        if let k = members.firstIndex(where: { $0.key == "inputs" }) {
            members[k].value = node
        } else {
            members.append(JSONNode.Member(key: "inputs", keyLocation: .start, value: node))
        }
        return JSONNode(.object(members), at: .start)
    }

    /// Two-space JSON whose lines after the first start at `indent`.
    static func pretty(_ node: JSONNode, indent: String) -> String {
        var text = node.prettyText
        if text.hasSuffix("\n") { text.removeLast() }
        return text.split(separator: "\n", omittingEmptySubsequences: false).enumerated()
            .map { $0.offset == 0 ? String($0.element) : indent + $0.element }.joined(separator: "\n")
    }

    /// The leading white space of a line (1-based).
    static func indentation(of line: Int, in bytes: [UInt8]) -> String {
        var current = 1, k = 0
        while k < bytes.count, current < line {
            if bytes[k] == 0x0A { current += 1 }
            k += 1
        }
        var out = ""
        while k < bytes.count, bytes[k] == 0x20 || bytes[k] == 0x09 {
            out.append(Character(Unicode.Scalar(bytes[k])))
            k += 1
        }
        return out
    }

    /// The bytes of a parsed value: from its location (line, column in Unicode scalars) to the
    /// end of the value, strings and nesting skipped.
    static func range(of node: JSONNode, in bytes: [UInt8]) throws -> Range<Int> {
        var line = 1, column = 1, k = 0
        while k < bytes.count, line < node.location.line || column < node.location.column {
            let b = bytes[k]
            if b == 0x0A {
                line += 1
                column = 1
            } else if b & 0xC0 != 0x80 {
                column += 1
            }
            k += 1
        }
        // Continuation bytes of the character before belong to it, not to the value.
        while k < bytes.count, bytes[k] & 0xC0 == 0x80 { k += 1 }
        let start = k
        var depth = 0
        var inString = false
        while k < bytes.count {
            let b = bytes[k]
            if inString {
                if b == 0x5C { k += 1 } else if b == 0x22 { inString = false; if depth == 0 { return start..<(k + 1) } }
            } else {
                switch b {
                case 0x22: inString = true
                case 0x7B, 0x5B: depth += 1
                case 0x7D, 0x5D:
                    if depth == 0 { return start..<k }
                    depth -= 1
                    if depth == 0 { return start..<(k + 1) }
                case 0x2C, 0x20, 0x0A, 0x0D, 0x09:
                    if depth == 0 { return start..<k }
                default: break
                }
            }
            k += 1
        }
        guard k > start else { throw Problem(description: "\(node.location.line):\(node.location.column): error: a value is cut short") }
        return start..<k
    }
}

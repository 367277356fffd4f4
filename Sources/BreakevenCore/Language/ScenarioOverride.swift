/// Applies `--set PATH=VALUE` overrides to a scenario document. A path names list elements as
/// the language declares them, the way sweep axes and uncertainty inputs do: an option by its id,
/// a request class or phase by its name, a mix route by its option, an actual month by its month,
/// any element by its index (`options.self.gpu_hourly`, `options.mix.routes.self.share`). It may
/// create a key the file leaves to its default; the checker then judges the value like any other.
///
/// A share of a list whose shares sum to 1 (request classes, mix routes) moves the shares no
/// `--set` names in proportion, as a sweep point does, so `diff --set` and the sweep agree; the
/// shares set stay as given, in whatever order the overrides come.
struct ScenarioOverride {
    /// A step from a node to a child: a member's key or an element's index.
    private enum Step: Hashable {
        case member(String)
        case element(Int)
    }

    /// The shares of one list that overrides set.
    private struct SetShares {
        let list: [Step]
        let key: String
        let path: String
        var indices: [Int]
        var location: SourceLocation
    }

    private var sharesSet: [SetShares] = []

    /// Applies every override in order, then rebalances the share lists they set; returns every
    /// problem (nothing is rebalanced while a path leads nowhere).
    static func apply(_ overrides: [ScenarioLoader.Override], to document: inout JSONNode) -> [Diagnostic] {
        var walk = ScenarioOverride()
        let problems = overrides.compactMap { walk.apply($0, to: &document) }
        guard problems.isEmpty else { return problems }
        return walk.sharesSet.compactMap { rebalance($0, in: &document) }
    }

    private mutating func apply(_ override: ScenarioLoader.Override, to document: inout JSONNode) -> Diagnostic? {
        let location = SourceLocation(line: 1, column: 1, setArgument: override.argument)
        let segments = override.path.split(separator: ".", omittingEmptySubsequences: false).map(String.init)
        guard !segments.contains(where: \.isEmpty) else {
            return Diagnostic(at: location, path: "", "expected PATH=VALUE with a dotted path such as options.self.gpu_hourly, found \"\(override.path)\"")
        }
        var value: JSONNode
        if let parsed = try? JSONParser.parse(Array(override.value.utf8)) {
            value = ScenarioOverride.relocated(parsed, to: location)
        } else {
            value = JSONNode(.string(override.value), at: location)
        }
        if value.members != nil || value.elements != nil {
            return Diagnostic(at: location, path: override.path, "expected a single value (a number, a string, true or false), found \(value.quoted)")
        }
        value.location = location
        return set(&document, segments[...], to: value, shape: ScenarioLanguage.scenario, array: nil, trail: [], walked: "", location: location)
    }

    private static func relocated(_ node: JSONNode, to location: SourceLocation) -> JSONNode {
        var copy = node
        copy.location = location
        switch node.value {
        case .array(let items): copy.value = .array(items.map { relocated($0, to: location) })
        case .object(let members):
            copy.value = .object(members.map { JSONNode.Member(key: $0.key, keyLocation: location, value: relocated($0.value, to: location)) })
        default: break
        }
        return copy
    }

    /// Walks `segments` down `node` beside its declared `shape` (nil below an undeclared key,
    /// which the checker reports); `array` declares `node` if it is an array.
    private mutating func set(_ node: inout JSONNode, _ segments: ArraySlice<String>, to value: JSONNode, shape: Shape?, array: Field?,
                              trail: [Step], walked: String, location: SourceLocation) -> Diagnostic? {
        guard let head = segments.first else {
            if node.members != nil || node.elements != nil {
                return Diagnostic(at: location, path: walked, "expected a path to a single value, found \(node.quoted)")
            }
            node = value
            return nil
        }
        switch node.value {
        case .object(var members):
            // A map's keys may hold dots (`uncertainty.inputs` names inputs by their paths): the
            // longest run of segments that is a key wins; a key not in the file is created.
            let found = stride(from: segments.count, through: 1, by: -1).lazy.compactMap { length in
                members.firstIndex { $0.key == segments.prefix(length).joined(separator: ".") }.map { (index: $0, length: length) }
            }.first
            let name = found.map { members[$0.index].key } ?? head, rest = segments.dropFirst(found?.length ?? 1)
            let field = shape?.field(name, in: node)
            if found == nil, !rest.isEmpty, field?.shape.elements != nil {
                return Diagnostic(at: location, path: ShapeChecker.path(walked, head),
                                  "expected a \"\(head)\" list in the file to set an element of, found none")
            }
            // Taken out of the node while it changes, so the array is changed in place, not copied.
            node.value = .null
            defer { node.value = .object(members) }
            let k = found?.index ?? {
                members.append(JSONNode.Member(key: head, keyLocation: location, value: rest.isEmpty ? value : JSONNode(.object([]), at: location)))
                return members.count - 1
            }()
            return set(&members[k].value, rest, to: value, shape: field?.shape, array: field, trail: trail + [.member(name)],
                       walked: ShapeChecker.path(walked, name), location: location)
        case .array(var items):
            node.value = .null
            defer { node.value = .array(items) }
            let key = array?.list.elementKey
            let names = items.indices.map { k in key.flatMap { items[k][$0.name]?.string } ?? String(k) }
            guard let (k, rest) = ElementPath.element(segments, names: names) else {
                guard let key else {
                    let indices = items.isEmpty ? "no element (the list is empty)" : "an index from 0 to \(items.count - 1)"
                    return Diagnostic(at: location, path: ShapeChecker.path(walked, head), "expected \(indices), found \"\(head)\"")
                }
                return Diagnostic(at: location, path: ShapeChecker.path(walked, head), "unknown \(key.noun) \"\(head)\"" + Suggestion.clause(for: head, in: names))
            }
            if let shares = array?.list.sharesKey, rest.count == 1, rest.first == shares {
                noteShare(of: k, list: trail, key: shares, path: walked, location: location)
            }
            return set(&items[k], rest, to: value, shape: shape?.elements, array: nil, trail: trail + [.element(k)],
                       walked: ShapeChecker.path(walked, names[k]), location: location)
        default:
            return Diagnostic(at: location, path: ShapeChecker.path(walked, head), "cannot set a key inside \(node.quoted) at \(walked.isEmpty ? "the top level" : walked)")
        }
    }

    private mutating func noteShare(of index: Int, list: [Step], key: String, path: String, location: SourceLocation) {
        guard let n = sharesSet.firstIndex(where: { $0.list == list }) else {
            return sharesSet.append(SetShares(list: list, key: key, path: path, indices: [index], location: location))
        }
        if !sharesSet[n].indices.contains(index) { sharesSet[n].indices.append(index) }
        sharesSet[n].location = location
    }

    /// The shares no override set take what the set ones leave, in proportion (`ShareBalance`).
    /// Left alone where a share is not a number: the checker says so.
    private static func rebalance(_ set: SetShares, in document: inout JSONNode) -> Diagnostic? {
        modify(&document, at: set.list[...]) { list in
            guard var items = list.elements else { return nil }
            var shares: [Double?] = items.map { $0[set.key]?.number }
            guard !shares.contains(nil) else { return nil }
            let taken = set.indices.reduce(0) { $0 + (shares[$1] ?? 0) }
            if taken > 1 + 1e-9, set.indices.count < items.count {
                return Diagnostic(at: set.location, path: set.path, "expected shares set with --set that sum to at most 1 (the others take what is left), found a sum of \(NumberBounds.format(taken))")
            }
            ShareBalance.rebalance(&shares, FieldAccess(\Double?.self), keeping: set.indices)
            for k in items.indices where !set.indices.contains(k) {
                guard let share = shares[k], let members = items[k].members, let m = members.firstIndex(where: { $0.key == set.key }) else { continue }
                var changed = members
                changed[m].value.value = .number(share, text: "\(share)")
                items[k].value = .object(changed)
            }
            list.value = .array(items)
            return nil
        }
    }

    private static func modify<T>(_ node: inout JSONNode, at steps: ArraySlice<Step>, _ change: (inout JSONNode) -> T?) -> T? {
        guard let step = steps.first else { return change(&node) }
        switch (step, node.value) {
        case (.member(let key), .object(var members)):
            guard let k = members.firstIndex(where: { $0.key == key }) else { return nil }
            defer { node.value = .object(members) }
            return modify(&members[k].value, at: steps.dropFirst(), change)
        case (.element(let index), .array(var items)):
            guard items.indices.contains(index) else { return nil }
            defer { node.value = .array(items) }
            return modify(&items[index], at: steps.dropFirst(), change)
        default:
            return nil
        }
    }
}

/// Applies `--set PATH=VALUE` overrides to a scenario document. A path names list elements as
/// the language declares them, the way sweep axes and uncertainty inputs do: an option by its id,
/// a request class or phase by its name, a mix route by its option, an actual month by its month,
/// any element by its index (`options.self.gpu_hourly`, `options.mix.routes.self.share`).
///
/// VALUE is JSON (text that is not JSON is a string). It replaces what the path names, or creates
/// a key the file leaves to its default; `null` removes the key or the list element, so that its
/// default or the catalog's value applies again. A key of one alternative of an "exactly one of"
/// rule (`growth.annual_rate`) takes the place of the file's other alternatives (`monthly_rate`).
/// The checker then judges the result like the file.
///
/// A share of a list whose shares sum to 1 (request classes, mix routes) moves the shares no
/// `--set` names in proportion, as a sweep point does, so `diff --set` and the sweep agree; the
/// shares set stay as given, in whatever order the overrides come. A removed element's share goes
/// to the others in proportion too.
struct ScenarioOverride {
    /// A step from a node to a child: a member's key or an element's index.
    private enum Step: Hashable {
        case member(String)
        case element(Int)
    }

    /// A list of shares that overrides changed: the elements whose shares they set.
    private struct TouchedShares {
        var list: [Step]
        let key: String
        let path: String
        var kept: [Int]
        var location: SourceLocation
    }

    private var touched: [TouchedShares] = []

    /// Applies every override in order, then rebalances the share lists they changed; returns
    /// every problem (nothing is rebalanced while a path leads nowhere).
    static func apply(_ overrides: [ScenarioLoader.Override], to document: inout JSONNode) -> [Diagnostic] {
        var walk = ScenarioOverride()
        let problems = overrides.compactMap { walk.apply($0, to: &document) }
        guard problems.isEmpty else { return problems }
        return walk.touched.compactMap { rebalance($0, in: &document) }
    }

    private mutating func apply(_ override: ScenarioLoader.Override, to document: inout JSONNode) -> Diagnostic? {
        let location = SourceLocation(line: 1, column: 1, setArgument: override.argument)
        let segments = override.path.split(separator: ".", omittingEmptySubsequences: false).map(String.init)
        guard !segments.contains(where: \.isEmpty) else {
            return Diagnostic(at: location, path: "", "expected PATH=VALUE with a dotted path such as options.self.gpu_hourly, found \"\(override.path)\"")
        }
        let value = (try? JSONParser.parse(Array(override.value.utf8))).map { ScenarioOverride.relocated($0, to: location) }
            ?? JSONNode(.string(override.value), at: location)
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
    /// which the checker reports); `array` declares `node` if it is an array. The last segment is
    /// set (or removed) from the node that holds it.
    private mutating func set(_ node: inout JSONNode, _ segments: ArraySlice<String>, to value: JSONNode, shape: Shape?, array: Field?,
                              trail: [Step], walked: String, location: SourceLocation) -> Diagnostic? {
        guard let head = segments.first else { return nil }
        switch node.value {
        case .object(var members):
            // A map's keys may hold dots (`uncertainty.inputs` names inputs by their paths): the
            // longest run of segments that is a key wins; a key not in the file is created.
            let found = stride(from: segments.count, through: 1, by: -1).lazy.compactMap { length in
                members.firstIndex { $0.key == segments.prefix(length).joined(separator: ".") }.map { (index: $0, length: length) }
            }.first
            let name = found.map { members[$0.index].key } ?? head, rest = segments.dropFirst(found?.length ?? 1)
            let object = shape?.object(in: node)
            let field = object?.field(name) ?? shape?.mapField(name)
            let path = ShapeChecker.path(walked, name), step = trail + [.member(name)]
            if found == nil, !rest.isEmpty, field?.shape.elements != nil {
                return Diagnostic(at: location, path: path, "expected a \"\(head)\" list in the file to set an element of, found none")
            }
            // Taken out of the node while it changes, so the array is changed in place, not copied.
            node.value = .null
            defer { node.value = .object(members) }
            if rest.isEmpty, value.value == .null {
                guard let found else {
                    if let object, field == nil {
                        return Diagnostic(at: location, path: path, "unknown key \"\(name)\"" + Suggestion.clause(for: name, in: object.fields.map(\.name)))
                    }
                    return nil
                }
                members.remove(at: found.index)
                forget(below: step)
                return nil
            }
            if found == nil || rest.isEmpty, let rivals = object?.rivals(of: name), !rivals.isEmpty {
                members.removeAll { rivals.contains($0.key) && $0.keyLocation.setArgument == nil }
            }
            guard let k = members.firstIndex(where: { $0.key == name }) else {
                members.append(JSONNode.Member(key: name, keyLocation: location, value: rest.isEmpty ? value : JSONNode(.object([]), at: location)))
                return rest.isEmpty ? nil : set(&members[members.count - 1].value, rest, to: value, shape: field?.shape, array: field,
                                                trail: step, walked: path, location: location)
            }
            guard rest.isEmpty else {
                return set(&members[k].value, rest, to: value, shape: field?.shape, array: field, trail: step, walked: path, location: location)
            }
            members[k].value = value
            forget(below: step)
            return nil
        case .array(var items):
            let key = array?.list.elementKey
            let names = items.indices.map { k in key.flatMap { items[k][$0.name]?.string } ?? String(k) }
            guard let (k, rest) = ElementPath.element(segments, names: names) else {
                guard let key else {
                    let indices = items.isEmpty ? "no element (the list is empty)" : "an index from 0 to \(items.count - 1)"
                    return Diagnostic(at: location, path: ShapeChecker.path(walked, head), "expected \(indices), found \"\(head)\"")
                }
                return Diagnostic(at: location, path: ShapeChecker.path(walked, head), "unknown \(key.noun) \"\(head)\"" + Suggestion.clause(for: head, in: names))
            }
            node.value = .null
            defer { node.value = .array(items) }
            let shares = array?.list.sharesKey, path = ShapeChecker.path(walked, names[k])
            guard rest.isEmpty else {
                if let shares, rest.count == 1, rest.first == shares, value.value != .null {
                    touch(trail, key: shares, path: walked, keeping: k, location: location)
                }
                return set(&items[k], rest, to: value, shape: shape?.elements, array: nil, trail: trail + [.element(k)], walked: path, location: location)
            }
            if value.value == .null {
                items.remove(at: k)
                removed(k, from: trail)
                if let shares { touch(trail, key: shares, path: walked, keeping: nil, location: location) }
            } else {
                items[k] = value
                forget(below: trail + [.element(k)])
            }
            return nil
        default:
            return Diagnostic(at: location, path: ShapeChecker.path(walked, head), "cannot set a key inside \(node.quoted) at \(walked.isEmpty ? "the top level" : walked)")
        }
    }

    /// Notes that an override set the share of element `index` (nil: removed an element) of the list at `list`.
    private mutating func touch(_ list: [Step], key: String, path: String, keeping index: Int?, location: SourceLocation) {
        let n = touched.firstIndex { $0.list == list } ?? {
            touched.append(TouchedShares(list: list, key: key, path: path, kept: [], location: location))
            return touched.count - 1
        }()
        if let index, !touched[n].kept.contains(index) { touched[n].kept.append(index) }
        touched[n].location = location
    }

    /// A value replaced or removed: what was set below it is gone with it.
    private mutating func forget(below trail: [Step]) {
        touched.removeAll { $0.list.starts(with: trail) }
    }

    /// Element `index` of the list at `list` removed: the elements after it move up one place.
    private mutating func removed(_ index: Int, from list: [Step]) {
        forget(below: list + [.element(index)])
        for n in touched.indices {
            if touched[n].list == list {
                touched[n].kept = touched[n].kept.filter { $0 != index }.map { $0 > index ? $0 - 1 : $0 }
            } else if touched[n].list.starts(with: list), case .element(let j) = touched[n].list[list.count], j > index {
                touched[n].list[list.count] = .element(j - 1)
            }
        }
    }

    /// The shares no override set take what the set ones leave, in proportion (`ShareBalance`).
    /// Left alone where a share is not a number: the checker says so.
    private static func rebalance(_ touched: TouchedShares, in document: inout JSONNode) -> Diagnostic? {
        modify(&document, at: touched.list[...]) { list in
            guard var items = list.elements, touched.kept.allSatisfy(items.indices.contains) else { return nil }
            var shares: [Double?] = items.map { $0[touched.key]?.number }
            guard !shares.contains(nil) else { return nil }
            let taken = touched.kept.reduce(0) { $0 + (shares[$1] ?? 0) }
            if taken > 1 + 1e-9, touched.kept.count < items.count {
                return Diagnostic(at: touched.location, path: touched.path,
                                  "expected shares set with --set that sum to at most 1 (the others take what is left), found a sum of \(ShareBalance.sumText(taken))")
            }
            ShareBalance.rebalance(&shares, FieldAccess(\Double?.self), taken: taken) { touched.kept.contains($0) }
            for k in items.indices where !touched.kept.contains(k) {
                guard let share = shares[k], var members = items[k].members, let m = members.firstIndex(where: { $0.key == touched.key }) else { continue }
                members[m].value.value = .number(share, text: "\(share)")
                items[k].value = .object(members)
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

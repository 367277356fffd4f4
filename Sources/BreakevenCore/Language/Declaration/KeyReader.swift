/// One object of a checked scenario document as its keys read it: the node, where it stands
/// (`options[1].prices` for diagnostics, `options.self.prices` for assumptions and `--set`), and
/// the resolution it belongs to.
///
/// The document has passed the shape check before anything reads it, so every value here has
/// its declared kind and range; readers only decide what the values mean.
struct KeyReader {
    let node: JSONNode?
    /// Path for diagnostics: `options[1]`.
    let path: String
    /// Path for assumptions and `--set`: `options.self`.
    let settingPath: String
    let context: ResolveContext

    var isPresent: Bool { node != nil }

    func has(_ key: String) -> Bool { node?[key] != nil }

    func child(_ key: String) -> JSONNode? { node?[key] }

    func diagnosticPath(_ key: String) -> String { ShapeChecker.path(path, key) }

    func settingPath(_ key: String) -> String { ShapeChecker.path(settingPath, key) }

    /// The reader of a nested object.
    func nested(_ key: String, settingKey: String? = nil) -> KeyReader {
        KeyReader(node: child(key), path: diagnosticPath(key), settingPath: settingPath(settingKey ?? key), context: context)
    }

    /// The reader of an array element: `options[1].routes[0]`, named `options.mix.routes.self`.
    func element(_ key: String, _ index: Int, named name: String) -> KeyReader {
        KeyReader(node: child(key)?.elements?[index], path: ShapeChecker.path(diagnosticPath(key), index: index),
                  settingPath: settingPath("\(key).\(name)"), context: context)
    }

    /// A problem at a key (or at the object when `key` is nil, or at `node`).
    func error(_ key: String?, _ message: String, at place: JSONNode? = nil) {
        let located = place ?? key.flatMap(child) ?? node
        context.report(Diagnostic(at: located?.location ?? .start, path: key.map(diagnosticPath) ?? path, message))
    }

    /// Reports every order the figures break at a key the scenario wrote (the one the order blames
    /// where it wrote both); a figure it did not write came from the catalog, which obeys the same orders.
    func check(_ orders: [FigureOrder]) {
        for order in orders where !order.holds {
            guard let key = [order.blamed, order.low.key, order.high.key].first(where: has) else { continue }
            error(key, order.expectation(at: key))
        }
    }

    /// Where a written value came from: the file or a `--set`.
    static func source(of node: JSONNode) -> Assumption.Source {
        node.location.setArgument == nil ? .scenario : .override
    }

    /// Lists the key's value among the assumptions.
    /// - Parameter title: the human name of a listed value that is no key of its own (the catalog's batch prices).
    func assume(_ key: String, _ value: String, _ source: Assumption.Source, isMoney: Bool = false, title: String? = nil) {
        context.assume(Assumption(path: settingPath(key), value: value, source: source, title: title), isMoney: isMoney)
    }

    /// Lists a written value as written, or a default with its text.
    func assumeWritten(_ key: String, default text: String?) {
        if let value = child(key) {
            assume(key, value.quoted, KeyReader.source(of: value))
        } else if let text {
            assume(key, text, .defaultValue)
        }
    }

    /// Looks up a catalog id written at `key`; an unknown one is reported with the closest ids
    /// (listed only for that message: a user catalog holds thousands).
    func lookup<T>(_ key: String, kind: String, in candidates: @autoclosure () -> [String], find: (String) -> T?,
                   undatedReason: ((String) -> String?)? = nil, listed: Bool = true) -> T? {
        guard let node = child(key), let id = node.string else { return nil }
        if let entry = find(id) {
            if listed { assume(key, node.quoted, KeyReader.source(of: node)) }
            return entry
        }
        let known = candidates()
        if let reason = undatedReason?(id) {
            error(key, reason)
        } else if known.contains(id) {
            // In the catalog, but only from a later date (or not from this seller): it is not
            // unknown, and "did you mean" would offer the same id back.
            error(key, "catalog \(kind) \"\(id)\" has no entry in effect on \(context.asOf) that fits here; set as_of, or give its figures")
        } else {
            error(key, "unknown catalog \(kind) \"\(id)\"" + Suggestion.clause(for: id, in: known))
        }
        return nil
    }
}

/// How the elements of a list are named in paths (`--set`, sweep axes, uncertainty inputs,
/// assumptions): by the text of one of their keys (a class's `name`, a route's `option`), else by
/// their position. Declared once per list, so the document and the settings name an element alike.
struct ElementNaming<Element>: Sendable {
    /// The key whose text names an element; nil for elements named by position only.
    let key: ElementKey?
    let value: @Sendable (Element) -> String?
    /// The name of an element without one (its key is refused or absent).
    let unnamed: @Sendable (Int) -> String

    /// Elements named by the text of `key`, which messages call a `noun` ("unknown route …").
    static func by(_ key: String, _ path: SettingPath<Element, String?>, noun: String,
                   unnamed: @escaping @Sendable (Int) -> String = { String($0) }) -> ElementNaming {
        ElementNaming(key: ElementKey(name: key, noun: noun), value: { $0[keyPath: path] }, unnamed: unnamed)
    }

    /// Elements named by their index from 0 (long-context tiers).
    static var position: ElementNaming { ElementNaming(key: nil, value: { _ in nil }, unnamed: { String($0) }) }

    func name(_ node: JSONNode, _ index: Int) -> String {
        key.flatMap { node[$0.name]?.string } ?? unnamed(index)
    }

    func names(_ elements: [Element]) -> [String] {
        elements.indices.map { value(elements[$0]) ?? unnamed($0) }
    }
}

/// The key that names the elements of an array in paths, and what a message calls such a name.
struct ElementKey: Sendable {
    let name: String
    let noun: String
}

/// Where a path names an element of a list.
enum ElementPath {
    /// The element a path starts with, by name (the longest run of segments that names one, as
    /// names may hold dots) or by index, and the rest of the path.
    static func element(_ rest: ArraySlice<String>, names: [String]) -> (index: Int, rest: ArraySlice<String>)? {
        guard !rest.isEmpty else { return nil }
        for length in stride(from: rest.count, through: 1, by: -1) {
            let candidate = rest.prefix(length).joined(separator: ".")
            if let k = names.firstIndex(of: candidate) { return (k, rest.dropFirst(length)) }
        }
        if let head = rest.first, let k = Int(head), names.indices.contains(k) { return (k, rest.dropFirst()) }
        return nil
    }
}

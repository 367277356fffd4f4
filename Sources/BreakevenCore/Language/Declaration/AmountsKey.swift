extension Key {
    /// A key whose value is an object of named amounts (`one_time`, `monthly_fixed`): each amount
    /// is an input of its own (`one_time.migration`).
    static func amounts(_ name: String, _ path: SettingPath<Settings, [String: Double]>, _ bounds: NumberBounds, maxCount: Int = 50,
                        _ doc: KeyDoc) -> Key {
        let field = FieldAccess(path)
        return Key(
            field: Field(name, .map(.number(bounds), maxCount: maxCount), default: "{}", doc.text),
            doc: doc,
            read: { s, r in
                for m in r.child(name)?.members ?? [] {
                    if let x = m.value.number, x.isFinite { s[keyPath: path][m.key] = x }
                }
            },
            record: { _, r, _ in
                guard let members = r.child(name)?.members else { return r.assume(name, "{}", .defaultValue) }
                for m in members where m.value.number != nil {
                    r.assume("\(name).\(m.key)", m.value.quoted, KeyReader.source(of: m.value))
                }
            },
            input: { rest, s in
                let item = rest.joined(separator: ".")
                guard !rest.isEmpty, s[keyPath: path][item] != nil else { return nil }
                return SettingInput(range: InputRange(bounds), doc: KeyDoc("\(doc.title): \(item)", doc.unit, doc.text),
                                    get: { s, _ in s[keyPath: path][item] }, set: { s, v in field.modify(&s) { $0[item] = v } })
            })
    }
}

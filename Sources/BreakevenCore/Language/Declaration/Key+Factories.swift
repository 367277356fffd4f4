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
                // Set where the amount lies, found by comparing names: a scenario names a few amounts,
                // and a trial sets each (hashing the name to look it up cost 3% of enterprise-support).
                return SettingInput(range: InputRange(bounds), doc: KeyDoc("\(doc.title): \(item)", doc.unit, doc.text),
                                    get: { s, _ in s[keyPath: path][item] },
                                    set: { s, v in
                                        field.modify(&s) { amounts in
                                            if let i = amounts.firstIndex(where: { $0.key == item }) { amounts.values[i] = v } else { amounts[item] = v }
                                        }
                                    })
            })
    }

    /// A count of units, or "auto" (the default) for the sizing to choose month by month:
    /// `units` of owned hardware and provisioned capacity, `output_units`.
    static func unitsOrAuto(_ name: String, _ path: SettingPath<Settings, Int?>, max: Int, _ doc: KeyDoc) -> Key {
        let field = FieldAccess(path)
        return Key(
            field: Field(name, .anyOf([.integer(min: 1, max: max), .string(.oneOf(["auto"]))]), default: "\"auto\"", doc.text),
            doc: doc,
            read: { s, r in if let n = r.child(name)?.number { field.set(&s, Int(keyValue: n)) } },
            record: { _, r, _ in r.assumeWritten(name, default: "\"auto\"") },
            input: { rest, s in
                guard rest.isEmpty, field.get(s) != nil else { return nil }
                return SettingInput(range: InputRange(integersFrom: 1, to: max), doc: doc, get: { s, _ in field.get(s).map(Double.init) },
                                    set: { s, v in field.set(&s, Int(keyValue: v.rounded())) })
            })
    }
}

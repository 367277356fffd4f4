import Foundation
import GRDB

/// Damage to copies of a good SQLite database, the same for the same seed. It knows no table or
/// column of ours: it reads them from the file (sqlite_master, PRAGMA table_info and
/// foreign_key_list), so a new column is fuzzed without a change here. One change a copy:
/// - one column of one row set to an extreme (NULL, '', 'abc', '12', a blob, 0, ±1, ±1e300, 9e18,
///   Int64.max and .min, 0.5, ±inf, 4,000 characters, control characters), with CHECK constraints
///   and foreign keys off, as another program or `sqlite3` would write it (SQLite itself still
///   refuses NULL in a NOT NULL column and a second row under a unique key: drawn again);
/// - a row deleted (so that references to it dangle), or copied where no key forbids it;
/// - rarer, the file itself: a table dropped, a migration forgotten or one of a later version
///   added, the file cut at a random byte, or a page overwritten with random bytes.
/// Rows are drawn from `focus` three times in four: the rows that hold one of its texts (the ids
/// the commands read) and the rows that reference those, so that the damage lands where it is read.
struct DatabaseMutator {
    /// One damaged copy: what was done, as SQL to run on a copy of the template, or the bytes changed.
    struct Mutant {
        var change: String
    }

    struct Table {
        var name: String
        var columns: [String]
        /// The columns that name one row: the rowid, or the primary key of a WITHOUT ROWID table.
        var key: [String]
        /// The rowid's alias (an INTEGER PRIMARY KEY), which a copied row leaves to SQLite.
        var rowidAlias: String?
        /// Each row's key values, then its columns' values.
        var rows: [(key: [DatabaseValue], values: [DatabaseValue])]
        /// Foreign keys: this table's column, the table and the column (nil: its primary key) it references.
        var references: [(from: String, table: String, to: String?)]
    }

    /// The extremes a column is set to, as SQL.
    static let extremes = ["NULL", "''", "'abc'", "'12'", "X'FF00'", "0", "-1", "1", "1e300", "-1e300", "9000000000000000000",
                           "9223372036854775807", "-9223372036854775808", "0.5", "9e999", "-9e999", "replace(hex(zeroblob(2000)), '0', 'x')",
                           "'a' || char(0) || 'b' || char(27) || '[31mred' || char(10) || char(13) || char(127) || char(8238)"]
    static let laterMigration = "v999: from a later breakeven"

    let tables: [Table]
    let pageSize: Int
    /// (table, row) of the rows that hold a focus text or reference one that does.
    let focused: [(table: Int, row: Int)]
    var random: ScenarioMutator.Random

    /// Reads the template's tables and rows (after folding its write-ahead log into the file, so
    /// that a copy of the file alone is the whole database).
    init(template path: String, focus: Set<String>, seed: UInt64) throws {
        random = ScenarioMutator.Random(state: seed)
        let queue = try DatabaseQueue(path: path)
        defer { try? queue.close() }
        (tables, pageSize) = try queue.writeWithoutTransaction { db in
            try db.execute(sql: "PRAGMA wal_checkpoint(TRUNCATE)")
            let names = try Row.fetchAll(db, sql: "SELECT name, sql FROM sqlite_master WHERE type = 'table' ORDER BY name")
            return (try names.map { try Self.table($0["name"], withoutRowid: ($0["sql"] as String? ?? "").uppercased().contains("WITHOUT ROWID"), db) },
                    try Int.fetchOne(db, sql: "PRAGMA page_size") ?? 4096)
        }
        focused = Self.rows(of: tables, holding: focus)
    }

    private static func table(_ name: String, withoutRowid: Bool, _ db: Database) throws -> Table {
        let info = try Row.fetchAll(db, sql: "PRAGMA table_info(\(quoted(name)))")
        let columns: [String] = info.map { $0["name"] }
        let primary = info.filter { ($0["pk"] as Int) > 0 }.sorted { ($0["pk"] as Int) < ($1["pk"] as Int) }
        let alias = !withoutRowid && primary.count == 1 && (primary[0]["type"] as String).uppercased() == "INTEGER" ? primary[0]["name"] as String : nil
        let key = withoutRowid ? primary.map { $0["name"] as String } : ["rowid"]
        let select = (key + columns).map(quoted).joined(separator: ", ")
        let rows = try Row.fetchAll(db, sql: "SELECT \(select) FROM \(quoted(name))").map { row in
            let values = Array(row.databaseValues)
            return (key: Array(values[..<key.count]), values: Array(values[key.count...]))
        }
        let references = try Row.fetchAll(db, sql: "PRAGMA foreign_key_list(\(quoted(name)))").map {
            (from: $0["from"] as String, table: $0["table"] as String, to: $0["to"] as String?)
        }
        return Table(name: name, columns: columns, key: key, rowidAlias: alias, rows: rows, references: references)
    }

    /// The rows that hold one of the texts, and those whose foreign keys point at one of them.
    private static func rows(of tables: [Table], holding focus: Set<String>) -> [(table: Int, row: Int)] {
        var found: [(table: Int, row: Int)] = []
        for (t, table) in tables.enumerated() {
            for (r, row) in table.rows.enumerated() where row.values.contains(where: { String.fromDatabaseValue($0).map(focus.contains) == true }) {
                found.append((t, r))
            }
        }
        let direct = found
        for (t, table) in tables.enumerated() {
            for reference in table.references {
                guard let p = tables.firstIndex(where: { $0.name == reference.table }), let from = table.columns.firstIndex(of: reference.from) else { continue }
                let parent = tables[p]
                guard let to = reference.to.flatMap(parent.columns.firstIndex(of:)) ?? parent.rowidAlias.flatMap(parent.columns.firstIndex(of:)) else { continue }
                let targets = Set(direct.filter { $0.table == p }.map { parent.rows[$0.row].values[to] })
                for (r, row) in table.rows.enumerated() where targets.contains(row.values[from]) { found.append((t, r)) }
            }
        }
        return found
    }

    /// A copy of the template at `path`, damaged by one change drawn until SQLite takes one.
    mutating func damage(_ path: String) throws -> Mutant {
        for _ in 0..<1_000 {
            let roll = random.below(100)
            if roll < 88 {
                guard let (t, r) = pickRow() else { continue }
                let sql = roll < 70 ? set(t, r) : roll < 80 ? delete(t, r) : duplicate(t, r)
                if try Self.apply(sql, to: path) { return Mutant(change: sql) }
            } else if roll < 94 {
                let sql = fileChange()
                if try Self.apply(sql, to: path) { return Mutant(change: sql) }
            } else {
                return try damageBytes(path)
            }
        }
        throw CocoaError(.fileWriteUnknown, userInfo: [NSLocalizedDescriptionKey: "SQLite refused 1,000 changes to \(path) in a row"])
    }

    private mutating func pickRow() -> (table: Int, row: Int)? {
        if !focused.isEmpty, random.below(4) != 0 { return random.pick(focused) }
        let filled = tables.indices.filter { !tables[$0].rows.isEmpty }
        guard !filled.isEmpty else { return nil }
        let t = random.pick(filled)
        return (t, random.below(tables[t].rows.count))
    }

    private mutating func set(_ t: Int, _ r: Int) -> String {
        let table = tables[t]
        return "UPDATE \(Self.quoted(table.name)) SET \(Self.quoted(random.pick(table.columns))) = \(random.pick(Self.extremes)) WHERE \(Self.match(table, r))"
    }

    private func delete(_ t: Int, _ r: Int) -> String {
        "DELETE FROM \(Self.quoted(tables[t].name)) WHERE \(Self.match(tables[t], r))"
    }

    private func duplicate(_ t: Int, _ r: Int) -> String {
        let table = tables[t]
        let columns = table.columns.filter { $0 != table.rowidAlias }.map(Self.quoted).joined(separator: ", ")
        return "INSERT INTO \(Self.quoted(table.name)) (\(columns)) SELECT \(columns) FROM \(Self.quoted(table.name)) WHERE \(Self.match(table, r))"
    }

    /// A table dropped, or GRDB's record of the migrations changed.
    private mutating func fileChange() -> String {
        let migrations = tables.first { $0.name == "grdb_migrations" }
        switch random.below(3) {
        case 0: return "DROP TABLE \(Self.quoted(random.pick(tables.map(\.name))))"
        case 1:
            guard let migrations, !migrations.rows.isEmpty else { return "DELETE FROM grdb_migrations" }
            return random.below(3) == 0 ? "DELETE FROM grdb_migrations" : "DELETE FROM grdb_migrations WHERE \(Self.match(migrations, random.below(migrations.rows.count)))"
        default: return "INSERT INTO grdb_migrations VALUES ('\(Self.laterMigration)')"
        }
    }

    /// The file cut at a random byte, or one page overwritten with random bytes.
    private mutating func damageBytes(_ path: String) throws -> Mutant {
        let url = URL(fileURLWithPath: path)
        var bytes = Array(try Data(contentsOf: url))
        let change: String
        if random.below(2) == 0 {
            let cut = random.below(bytes.count)
            bytes.removeSubrange(cut...)
            change = "the file cut to its first \(cut) bytes"
        } else {
            let page = random.below(bytes.count / pageSize)
            for k in page * pageSize..<(page + 1) * pageSize { bytes[k] = UInt8(truncatingIfNeeded: random.next()) }
            change = "page \(page + 1) (bytes \(page * pageSize)–\((page + 1) * pageSize - 1)) overwritten with random bytes"
        }
        try Data(bytes).write(to: url)
        return Mutant(change: change)
    }

    /// Runs `sql` on the file with CHECK constraints and foreign keys off, in one transaction;
    /// false, and the file unchanged, when SQLite refuses it (NULL in a NOT NULL column, a key
    /// taken, a rowid that is not an integer, a table SQLite keeps for itself).
    static func apply(_ sql: String, to path: String) throws -> Bool {
        var configuration = Configuration()
        configuration.foreignKeysEnabled = false
        configuration.prepareDatabase { db in try db.execute(sql: "PRAGMA ignore_check_constraints = ON") }
        let queue = try DatabaseQueue(path: path, configuration: configuration)
        defer { try? queue.close() }
        do {
            try queue.write { db in try db.execute(sql: sql) }
            return true
        } catch let error as DatabaseError where [.SQLITE_CONSTRAINT, .SQLITE_ERROR, .SQLITE_MISMATCH].contains(error.resultCode) {
            return false
        }
    }

    /// The WHERE condition that names row `r` of the table.
    static func match(_ table: Table, _ r: Int) -> String {
        zip(table.key, table.rows[r].key).map { "\(quoted($0)) IS \(literal($1))" }.joined(separator: " AND ")
    }

    static func quoted(_ name: String) -> String {
        name == "rowid" ? name : "\"" + name.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }

    /// A stored value as an SQL literal.
    static func literal(_ value: DatabaseValue) -> String {
        switch value.storage {
        case .null: return "NULL"
        case .int64(let n): return String(n)
        case .double(let x): return "\(x)"
        case .string(let s): return "'" + s.replacingOccurrences(of: "'", with: "''") + "'"
        case .blob(let data): return "X'" + data.map { String(format: "%02X", $0) }.joined() + "'"
        }
    }
}

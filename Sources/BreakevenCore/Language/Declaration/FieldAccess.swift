/// Reads and writes one field of a settings value as fast as the compiler would: a trial sets
/// inputs and lowers settings thousands of times a second, and applying a stored `KeyPath` costs
/// about a hundred times a direct access (the runtime projects it generically). A key path made
/// only of stored properties has a fixed byte offset (`MemoryLayout.offset(of:)`); a field of a
/// trivial type (a number, an optional number, a plain enum) at that offset is loaded and stored
/// directly. Any other path goes through the key path as written.
struct FieldAccess<Root, Value>: Sendable {
    let path: SettingPath<Root, Value>
    /// Where the field sits in `Root`: loaded and stored by offset when it is of a trivial type,
    /// changed in place through a pointer whatever its type.
    let offset: Int?
    let place: Int?

    init(_ path: SettingPath<Root, Value>) {
        self.path = path
        place = MemoryLayout<Root>.offset(of: path)
        offset = _isPOD(Value.self) ? place : nil
    }

    func get(_ root: Root) -> Value {
        guard offset != nil else { return root[keyPath: path] }
        return withUnsafePointer(to: root) { get($0) }
    }

    /// The field of settings read where they lie: `withUnsafePointer(to:)` on a value copies
    /// the whole value first (over a kilobyte for an option's settings), so lowering, which
    /// reads a dozen fields a trial, hands the settings' address instead.
    func get(_ root: UnsafePointer<Root>) -> Value {
        guard let offset else { return root.pointee[keyPath: path] }
        return UnsafeRawPointer(root).load(fromByteOffset: offset, as: Value.self)
    }

    func set(_ root: inout Root, _ value: Value) {
        guard let offset else { return root[keyPath: path] = value }
        withUnsafeMutablePointer(to: &root) { UnsafeMutableRawPointer($0).storeBytes(of: value, toByteOffset: offset, as: Value.self) }
    }

    /// Where a nested value lies inside settings read in place (nil for a computed path).
    func address(in root: UnsafePointer<Root>) -> UnsafePointer<Value>? {
        place.map { UnsafeRawPointer(root).advanced(by: $0).assumingMemoryBound(to: Value.self) }
    }

    /// Changes a nested value in place (the nested value's own fields are reached by their accesses).
    func modify(_ root: inout Root, _ change: (inout Value) -> Void) {
        guard let offset = place else { return change(&root[keyPath: path]) }
        withUnsafeMutablePointer(to: &root) { pointer in
            change(&UnsafeMutableRawPointer(pointer).advanced(by: offset).assumingMemoryBound(to: Value.self).pointee)
        }
    }
}

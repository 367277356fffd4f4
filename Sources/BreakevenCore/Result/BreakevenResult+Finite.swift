import Foundation

extension BreakevenResult {
    /// The first figure that is not a finite number, named by its option and place
    /// ("option self: months[12].costs.gpu is inf"); nil when every figure is finite. The
    /// language's ranges keep every figure finite; this is the last check before a result is
    /// written, so that a report never prints `nan`.
    public var nonFiniteFigure: String? {
        do {
            _ = try JSONEncoder().encode(self)
            return nil
        } catch let EncodingError.invalidValue(value, context) {
            var path = context.codingPath.map { $0.intValue.map { "[\($0)]" } ?? ".\($0.stringValue)" }.joined()
            if path.hasPrefix(".") { path.removeFirst() }
            var place = path
            // options[k]…: name the option by its id.
            if path.hasPrefix("options["), let close = path.firstIndex(of: "]"),
               let k = Int(path[path.index(path.startIndex, offsetBy: 8)..<close]), options.indices.contains(k) {
                place = "option \(options[k].id): " + String(path[path.index(after: close)...]).drop { $0 == "." }
            }
            return "\(place) is \(value)"
        } catch {
            return "the result cannot be encoded: \(error)"
        }
    }
}

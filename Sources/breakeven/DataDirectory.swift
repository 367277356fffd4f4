import Foundation

/// Where breakeven keeps its own databases by default: `$XDG_DATA_HOME/breakeven`, else
/// `~/.local/share/breakeven` (the XDG Base Directory default).
enum DataDirectory {
    static func path(_ file: String) -> String {
        let env = ProcessInfo.processInfo.environment
        let base = env["XDG_DATA_HOME"].flatMap { $0.isEmpty ? nil : $0 }
            ?? ((env["HOME"] ?? NSTemporaryDirectory()) as NSString).appendingPathComponent(".local/share")
        return ((base as NSString).appendingPathComponent("breakeven") as NSString).appendingPathComponent(file)
    }
}

import Foundation

/// A progress bar on stderr for work expected to take over a second, drawn only when stderr is
/// a terminal; safe to advance from many threads.
final class ProgressBar: @unchecked Sendable {
    private let lock = NSLock()
    private let total: Int
    private let label: String
    private let start = DispatchTime.now().uptimeNanoseconds
    private var done = 0
    private var drawn = false
    private var lastDraw: UInt64 = 0
    private let enabled: Bool

    init(total: Int, label: String) {
        self.total = max(1, total)
        self.label = Terminal.visible(label)
        enabled = isatty(STDERR_FILENO) == 1
    }

    func advance(_ count: Int) {
        guard enabled else { return }
        lock.lock()
        defer { lock.unlock() }
        done += count
        let now = DispatchTime.now().uptimeNanoseconds
        let elapsed = Double(now - start) / 1e9
        // Expected duration from the pace so far; draw only when it is over a second.
        let expected = elapsed / Double(done) * Double(total)
        guard expected > 1, now - lastDraw > 100_000_000 || done == total else { return }
        lastDraw = now
        let width = 30
        let filled = min(width, done * width / total)
        let bar = String(repeating: "#", count: filled) + String(repeating: ".", count: width - filled)
        let line = "\r\(label) [\(bar)] \(done * 100 / total)% \(done)/\(total)"
        FileHandle.standardError.write(Data(line.utf8))
        drawn = true
    }

    /// Clears the bar's line.
    func finish() {
        lock.lock()
        defer { lock.unlock() }
        if drawn { FileHandle.standardError.write(Data("\r\u{1B}[K".utf8)) }
        drawn = false
    }
}

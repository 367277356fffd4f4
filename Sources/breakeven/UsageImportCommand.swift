import ArgumentParser
import BreakevenCore
import BreakevenStorage
import BreakevenUsage
import Foundation

struct UsageImportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Import usage exports into the usage database.",
        discussion: """
            Each file is one transaction: a malformed record refuses the file (its line or JSON path is named) \
            and changes nothing. Importing the same file, or exports that overlap, twice changes nothing. \
            A directory of claude-code transcripts or codex rollouts is read whole (every *.jsonl below it, in sorted order, each \
            file its own transaction): once all are imported it covers the time from its first request to its last.
            """
    )

    @Option(help: ArgumentHelp("The export's format: \(UsageFormat.names).", valueName: "format"))
    var format: UsageFormat

    @Argument(help: "Export files; for claude-code and codex also directories (~/.claude/projects, ~/.codex/sessions), read whole.")
    var files: [String]

    @OptionGroup var usage: UsageOptions

    func run() throws {
        let missing = files.filter { !FileManager.default.fileExists(atPath: $0) }
        for file in missing { Terminal.error("breakeven: \(file): no such file") }
        let folders = format.logFileExtension == nil ? files.filter(LogDirectory.isDirectory) : []
        for folder in folders { Terminal.error("breakeven: \(folder): a directory; --format \(format.rawValue) reads export files") }
        guard missing.isEmpty && folders.isEmpty else { throw ExitStatus.noInput }
        let store = try usage.openForImport()
        var status: ExitCode?
        for argument in files {
            guard let ext = format.logFileExtension, LogDirectory.isDirectory(argument) else {
                _ = importFile(argument, into: store, status: &status)
                continue
            }
            // A directory of session logs: each file its own transaction; covered whole only when every one imported.
            let logs = LogDirectory.files(in: argument, withExtension: ext)
            let imported = logs.compactMap { importFile($0, into: store, status: &status) }
            guard imported.count == logs.count else {
                Terminal.error(Diagnostic.line(file: argument, severity: .note, "not recorded as read whole, as a file of it was refused: the hours between its sessions stay uncovered until it is imported whole"))
                continue
            }
            do {
                if let coverage = try store.recordDirectory(argument, format: format, files: imported) { Terminal.out(coverage.text) }
            } catch {
                Terminal.error("breakeven: cannot record \(argument) in \(usage.resolvedPath): \(error)")
                status = ExitStatus.cantCreate
            }
        }
        if let status { throw status }
    }

    /// Imports one file, printing what it did (its summary, its notes) or why it was refused; nil
    /// when refused, with the exit status set.
    func importFile(_ file: String, into store: UsageStore, status: inout ExitCode?) -> UsageImportSummary? {
        let size = (try? FileManager.default.attributesOfItem(atPath: file)[.size] as? Int) ?? 0
        let bar = ProgressBar(total: size, label: "\((file as NSString).lastPathComponent): import")
        var done = 0
        do {
            let summary = try store.importFile(file, format: format) { read in
                bar.advance(read - done)
                done = read
            }
            bar.finish()
            Terminal.out(summary.text)
            for note in summary.notes { Terminal.error(note) }
            return summary
        } catch let error as UsageImportError {
            bar.finish()
            Terminal.error(error.description)
            status = status ?? ExitStatus.dataError
        } catch let damage as DamagedRow {
            bar.finish()
            Terminal.error("breakeven: \(usage.resolvedPath): \(damage) (\(file) is not imported)")
            status = status ?? ExitStatus.dataError
        } catch {
            bar.finish()
            Terminal.error("breakeven: cannot import \(file) into \(usage.resolvedPath): \(error)")
            status = ExitStatus.cantCreate
        }
        return nil
    }
}

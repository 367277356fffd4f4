import ArgumentParser
import BreakevenStorage
import BreakevenUsage
import Foundation

struct UsageImportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Import usage exports into the usage database.",
        discussion: """
            Each file is one transaction: a malformed record refuses the file (its line or JSON path is named) \
            and changes nothing. Importing the same file, or exports that overlap, twice changes nothing.
            """
    )

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case openai, anthropic, litellm, otel, focus, langfuse, helicone, openrouter
        case bedrockCUR = "bedrock-cur"
        case anthropicCost = "anthropic-cost"
        case openaiCost = "openai-cost"

        var usage: UsageFormat { UsageFormat(rawValue: rawValue) ?? .openai }
    }

    @Option(help: ArgumentHelp("The export's format: \(UsageFormat.names).", valueName: "format"))
    var format: Format

    @Argument(help: "Export files.")
    var files: [String]

    @OptionGroup var usage: UsageOptions

    func run() throws {
        let missing = files.filter { !FileManager.default.fileExists(atPath: $0) }
        for file in missing { Terminal.error("breakeven: \(file): no such file") }
        guard missing.isEmpty else { throw ExitStatus.noInput }
        let store = try usage.openForImport()
        var status: ExitCode?
        for file in files {
            let size = (try? FileManager.default.attributesOfItem(atPath: file)[.size] as? Int) ?? 0
            let bar = ProgressBar(total: size, label: "\((file as NSString).lastPathComponent): import")
            var done = 0
            do {
                let summary = try store.importFile(file, format: format.usage) { read in
                    bar.advance(read - done)
                    done = read
                }
                bar.finish()
                Terminal.out(summary.text)
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
        }
        if let status { throw status }
    }
}

import Foundation

/// Reads one export file of a format into a sink. CSV exports are streamed a megabyte at a
/// time; JSON exports (API pages, traces) are read whole, as their documents nest.
enum UsageImporter {
    /// - Parameter onChunk: told every piece of the file as it is read (for its digest and a
    ///   progress bar).
    static func read(_ format: UsageFormat, path: String, into sink: inout some UsageSink,
                            onChunk: (([UInt8]) -> Void)? = nil) throws {
        switch format {
        case .openai: try OpenAIUsageImporter.read(try json(path, onChunk: onChunk), into: &sink)
        case .anthropic: try AnthropicUsageImporter.read(try json(path, onChunk: onChunk), into: &sink)
        case .openaiCost: try OpenAICostImporter.read(try json(path, onChunk: onChunk), into: &sink)
        case .anthropicCost: try AnthropicCostImporter.read(try json(path, onChunk: onChunk), into: &sink)
        case .langfuse: try LangfuseObservationsImporter.read(try json(path, arrayOfDocuments: false, onChunk: onChunk), into: &sink)
        case .helicone: try HeliconeRequestImporter.read(path: path, into: &sink, onChunk: onChunk)
        case .claudeCode: try ClaudeCodeTranscriptImporter.read(path: path, into: &sink, onChunk: onChunk)
        case .codex: try CodexRolloutImporter.read(path: path, into: &sink, onChunk: onChunk)
        case .openrouter: try OpenRouterActivityImporter.read(try json(path, arrayOfDocuments: false, onChunk: onChunk), into: &sink)
        case .vertex: try VertexMonitoringImporter.read(try json(path, onChunk: onChunk), into: &sink)
        case .azureMonitor: try AzureMonitorImporter.read(try json(path, onChunk: onChunk), into: &sink)
        case .otel: try OTelTraceImporter.read(try json(path, arrayOfDocuments: false, onChunk: onChunk), into: &sink)
        case .litellm:
            var table = try CSVTable(path: path, required: LiteLLMSpendLogImporter.required, onChunk: onChunk)
            try LiteLLMSpendLogImporter.read(&table, into: &sink)
        case .focus:
            var table = try CSVTable(path: path, required: FOCUSImporter.required, onChunk: onChunk)
            try FOCUSImporter.read(&table, into: &sink)
        case .bedrockCUR:
            var table = try CSVTable(path: path, required: BedrockCURImporter.required, onChunk: onChunk)
            try BedrockCURImporter.read(&table, into: &sink)
        }
    }

    /// The whole file, handed to `onChunk` once read.
    static func bytes(_ path: String, onChunk: (([UInt8]) -> Void)?) throws -> [UInt8] {
        guard let data = FileManager.default.contents(atPath: path) else { throw UsageImportError(file: path, "cannot be read") }
        let bytes = [UInt8](data)
        onChunk?(bytes)
        return bytes
    }

    static func json(_ path: String, arrayOfDocuments: Bool = true, onChunk: (([UInt8]) -> Void)?) throws -> JSONExport {
        let bytes = try self.bytes(path, onChunk: onChunk)
        guard bytes.contains(where: { $0 != 0x20 && $0 != 0x0A && $0 != 0x0D && $0 != 0x09 }) else {
            throw UsageImportError(file: path, "the file is empty; expected JSON")
        }
        return try JSONExport(bytes: bytes, file: path, arrayOfDocuments: arrayOfDocuments)
    }
}

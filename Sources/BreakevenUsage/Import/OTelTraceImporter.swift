import BreakevenCore

/// An OTLP/JSON trace export (`resourceSpans` → `scopeSpans` → `spans`), one document or JSON
/// Lines as the collector's file exporter writes them, read as the OTLP specification encodes
/// protobuf in JSON (opentelemetry-proto, "JSON Protobuf Encoding": int64 fields such as
/// `startTimeUnixNano` and `intValue` as decimal strings, ids as hex, attributes as
/// `{"key", "value": AnyValue}`), with the GenAI semantic conventions' attributes
/// (`gen_ai.usage.input_tokens`, which includes `gen_ai.usage.cache_read.input_tokens` and
/// `gen_ai.usage.cache_creation.input_tokens`; `gen_ai.usage.output_tokens`;
/// `gen_ai.response.model`, else `gen_ai.request.model`). Spans without token usage (an HTTP
/// call, an agent's outer span) are not model calls and are passed over.
enum OTelTraceImporter {
    static func read(_ export: JSONExport, into sink: inout some UsageSink) throws {
        var covered = RequestSpan()
        for document in export.documents {
            try document.requireObject("an OTLP trace export (an object with \"resourceSpans\")")
            for resource in try document.array("resourceSpans", required: true) {
                let resourceAttributes = try attributes(resource.child("resource"))
                let service = try resourceAttributes["service.name"].flatMap { try $0.text() }
                for scope in try resource.array("scopeSpans") {
                    for span in try scope.array("spans") {
                        guard let request = try self.request(span, service: service) else { continue }
                        try sink.add(request)
                        covered.add(request.time)
                    }
                }
            }
        }
        covered.cover(&sink)
    }

    static func request(_ span: JSONRecord, service: String?) throws -> UsageRequest? {
        try span.requireObject("a span")
        let a = try attributes(span)
        guard let inputAttribute = a["gen_ai.usage.input_tokens"] ?? a["gen_ai.usage.prompt_tokens"] else {
            if a["gen_ai.usage.output_tokens"] != nil {
                throw span.error("attributes", "a span with gen_ai.usage.output_tokens but no gen_ai.usage.input_tokens")
            }
            return nil
        }
        let input = try inputAttribute.count()
        let output = try (a["gen_ai.usage.output_tokens"] ?? a["gen_ai.usage.completion_tokens"])?.count() ?? 0
        let cached = try a["gen_ai.usage.cache_read.input_tokens"]?.count() ?? 0
        let written = try a["gen_ai.usage.cache_creation.input_tokens"]?.count()
        guard cached <= input else {
            throw a["gen_ai.usage.cache_read.input_tokens"]?.record.error(nil, "expected at most gen_ai.usage.input_tokens (\(input)), which includes cache reads, found \(cached)")
                ?? span.error(nil, "cache reads exceed input tokens")
        }
        guard let model = try (a["gen_ai.response.model"] ?? a["gen_ai.request.model"])?.text(), !model.isEmpty else {
            throw span.error("attributes", "a span with token usage but no gen_ai.response.model or gen_ai.request.model")
        }
        guard let traceID = try span.string("traceId"), let spanID = try span.string("spanId"), !spanID.isEmpty else {
            throw span.error(nil, "missing key \"spanId\" (or \"traceId\"): a span without ids cannot be told from another")
        }
        guard let nanos = span.node["startTimeUnixNano"] else { throw span.error(nil, "missing key \"startTimeUnixNano\"") }
        guard let time = unixSeconds(nanos) else {
            throw span.error("startTimeUnixNano", "expected nanoseconds since 1970 as a string of digits, found \(nanos.quoted)")
        }
        let dimensions = UsageDimensions([
            ("service.name", service),
            ("gen_ai.provider.name", try (a["gen_ai.provider.name"] ?? a["gen_ai.system"])?.text()),
            ("gen_ai.operation.name", try a["gen_ai.operation.name"]?.text()),
        ])
        return UsageRequest(id: traceID + "/" + spanID, time: time, model: model, dimensions: dimensions,
                            usage: TokenUsage(input: input, cachedInput: cached, cacheWrite: written, output: output), place: span.place)
    }

    /// Nanoseconds (a string of up to 19 digits, or a number) to whole seconds.
    static func unixSeconds(_ node: JSONNode) -> Int64? {
        switch node.value {
        case .string(let s):
            guard !s.isEmpty, s.count <= 19, s.utf8.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }), let n = Int64(s) else { return nil }
            return n / 1_000_000_000
        case .number(let x, _):
            guard x >= 0, x < 9e18 else { return nil }
            return Int64(x / 1e9)
        default:
            return nil
        }
    }

    /// A span's or resource's attributes by key.
    static func attributes(_ owner: JSONRecord?) throws -> [String: Attribute] {
        guard let owner else { return [:] }
        var out: [String: Attribute] = [:]
        for item in try owner.array("attributes") {
            try item.requireObject("an attribute {\"key\", \"value\"}")
            guard let key = try item.string("key") else { throw item.error(nil, "missing key \"key\"") }
            guard let value = item.child("value") else { throw item.error(nil, "missing key \"value\"") }
            out[key] = Attribute(key: key, record: value)
        }
        return out
    }

    /// An attribute's AnyValue.
    struct Attribute {
        let key: String
        let record: JSONRecord

        func count() throws -> Int64 {
            if let v = record.node["intValue"], let n = JSONRecord.count(v) { return n }
            if let v = record.node["doubleValue"]?.number, v >= 0, v == v.rounded(), v <= CSVTable.maxCount { return Int64(v) }
            throw record.error(nil, "\(key): expected {\"intValue\": \"<whole number ≥ 0>\"}, found \(record.node.canonicalText)")
        }

        func text() throws -> String? {
            if let s = record.node["stringValue"]?.string { return s }
            throw record.error(nil, "\(key): expected {\"stringValue\": \"…\"}, found \(record.node.canonicalText)")
        }
    }
}

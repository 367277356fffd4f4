@testable import BreakevenUsage
import Testing

/// A malformed record refuses its file, naming the file, the line (and column for JSON), the JSON
/// path or CSV column, what was expected and what was found.
struct ImportErrorTests {
    static let header = "request_id,startTime,model,prompt_tokens,completion_tokens,metadata"

    func litellm(_ rows: [String]) throws -> String? {
        let path = try Fixture.write(([ImportErrorTests.header] + rows).joined(separator: "\n") + "\n", name: "spend.csv")
        return importError(as: "spend.csv") { _ = try ListSink.read(.litellm, path) }
    }

    @Test func aBadTimestampNamesItsLineAndColumn() throws {
        #expect(try litellm(["r1,2026-01-01 09:00:00,gpt-4o,10,5,", "r2,yesterday,gpt-4o,10,5,"])
                == #"spend.csv:3: error: column startTime: expected a date and time such as 2026-01-15 10:23:45 or 2026-01-15T10:23:45Z, found "yesterday""#)
    }

    @Test func aNegativeCountIsRefused() throws {
        #expect(try litellm(["r1,2026-01-01 09:00:00,gpt-4o,-10,5,"])
                == #"spend.csv:2: error: column prompt_tokens: expected a whole number ≥ 0, found "-10""#)
    }

    @Test func cachedTokensBeyondThePromptAreRefused() throws {
        #expect(try litellm([#"r1,2026-01-01 09:00:00,gpt-4o,10,5,"{""usage_object"": {""prompt_tokens_details"": {""cached_tokens"": 11}}}""#])
                == "spend.csv:2: error: column metadata: usage_object: cached prompt tokens (11) exceed prompt_tokens (10)")
    }

    @Test func invalidMetadataJSONIsRefused() throws {
        #expect(try litellm([#"r1,2026-01-01 09:00:00,gpt-4o,10,5,"{""usage_object"": }""#])
                == "spend.csv:2: error: column metadata: expected JSON text, found invalid JSON (expected a value, found '}' at character 18 of line 1 of the field)")
    }

    @Test func aRowWithAnotherNumberOfFieldsIsRefused() throws {
        #expect(try litellm(["r1,2026-01-01 09:00:00,gpt-4o,10"])
                == "spend.csv:2: error: expected 6 fields as in the header, found 4")
    }

    @Test func anUnclosedQuoteIsRefusedAtItsLine() throws {
        #expect(try litellm(["r1,2026-01-01 09:00:00,gpt-4o,10,5,\"{"])
                == "spend.csv:2: error: a quoted field is not closed before the end of the file")
    }

    @Test func aMissingColumnSuggestsTheClosest() throws {
        let path = try Fixture.write("request_id,startTime,model,prompt_token,completion_tokens\n", name: "spend.csv")
        #expect(importError(as: "spend.csv") { _ = try ListSink.read(.litellm, path) }
                == #"spend.csv:1: error: missing column "prompt_tokens"; did you mean "prompt_token"?"#)
    }

    @Test func openAIJSONErrorsNameLineColumnAndPath() throws {
        let path = try Fixture.write("""
            {"object": "page", "data": [
              {"start_time": 1767225600, "end_time": 1767229200, "results": [
                {"input_tokens": "12a", "output_tokens": 1, "num_model_requests": 1}
              ]}
            ]}
            """, name: "usage.json")
        #expect(importError(as: "usage.json") { _ = try ListSink.read(.openai, path) }
                == #"usage.json:3:22: error: data[0].results[0].input_tokens: expected a whole number ≥ 0, found "12a""#)
    }

    @Test func theWrongOpenAIEndpointIsNamed() throws {
        let path = try Fixture.write("""
            {"object": "page", "data": [{"start_time": 1767225600, "end_time": 1767229200, "results": [
              {"object": "organization.usage.embeddings.result", "input_tokens": 1, "num_model_requests": 1}]}]}
            """, name: "usage.json")
        #expect(importError(as: "usage.json") { _ = try ListSink.read(.openai, path) }
                == #"usage.json:2:14: error: data[0].results[0].object: expected "organization.usage.completions.result" (the completions endpoint), found "organization.usage.embeddings.result""#)
    }

    @Test func aJSONLinesErrorNamesItsLine() throws {
        let path = try Fixture.write("""
            {"object": "page", "data": []}
            {"object": "page", "data": [{"start_time": 5}]}
            """, name: "usage.jsonl")
        #expect(importError(as: "usage.jsonl") { _ = try ListSink.read(.openai, path) }
                == #"usage.jsonl:2:29: error: data[0]: missing key "end_time""#)
    }

    @Test func anthropicTimesMustBeRFC3339() throws {
        let path = try Fixture.write(#"{"data": [{"starting_at": "Aug 1", "ending_at": "2025-08-02T00:00:00Z", "results": []}]}"#, name: "report.json")
        #expect(importError(as: "report.json") { _ = try ListSink.read(.anthropic, path) }
                == #"report.json:1:27: error: data[0].starting_at: expected an RFC 3339 time such as 2025-08-01T00:00:00Z, found "Aug 1""#)
    }

    @Test func anOTelSpanWithUsageButNoModelIsRefused() throws {
        let path = try Fixture.write("""
            {"resourceSpans": [{"scopeSpans": [{"spans": [{"traceId": "t", "spanId": "s", "startTimeUnixNano": "1767225600000000000",
              "attributes": [{"key": "gen_ai.usage.input_tokens", "value": {"intValue": "10"}}]}]}]}]}
            """, name: "traces.json")
        #expect(importError(as: "traces.json") { _ = try ListSink.read(.otel, path) }
                == "traces.json:2:17: error: resourceSpans[0].scopeSpans[0].spans[0].attributes: a span with token usage but no gen_ai.response.model or gen_ai.request.model")
    }

    @Test func aFOCUSTokenRowOfUnknownKindIsRefused() throws {
        let path = try Fixture.write("""
            ChargePeriodStart,ConsumedQuantity,ConsumedUnit,BilledCost,SkuMeter
            2026-01-01T00:00:00Z,100,Tokens,0.1,Tokens
            """, name: "focus.csv")
        #expect(importError(as: "focus.csv") { _ = try ListSink.read(.focus, path) }
                == #"focus.csv:2: error: column SkuMeter: cannot tell input from output tokens: SkuMeter and SkuPriceDetails name no input, output, cache read or cache write (found "Tokens")"#)
    }

    @Test func aFOCUSRowOfMoreTokensThanACountHoldsIsRefused() throws {
        // 3 units of "1000000000000000 Tokens" = 3e15 tokens, past the 1e15 any one count may
        // give (a unit of 1e18 tokens used to overflow the 64-bit count and trap).
        let path = try Fixture.write("""
            ChargePeriodStart,ConsumedQuantity,ConsumedUnit,BilledCost,SkuMeter
            2026-01-01T00:00:00Z,3,1000000000000000 Tokens,0.1,Input Tokens
            """, name: "focus.csv")
        #expect(importError(as: "focus.csv") { _ = try ListSink.read(.focus, path) }
                == #"focus.csv:2: error: column ConsumedQuantity: expected at most 1e15 tokens in one row, found "3" × 1000000000000000 tokens (ConsumedUnit) = 3e15"#)
    }

    @Test func aCurrencyThatIsNotACodeIsRefused() throws {
        // A FOCUS row billed in "0 Tokens" (found by the import fuzz test: any text passed as a currency).
        let path = try Fixture.write("""
            ChargePeriodStart,ConsumedQuantity,ConsumedUnit,BilledCost,SkuMeter,BillingCurrency
            2026-01-01T00:00:00Z,100,Tokens,0.1,Input Tokens,0 Tokens
            """, name: "focus.csv")
        #expect(importError(as: "focus.csv") { _ = try ListSink.read(.focus, path) }
                == #"focus.csv:2: error: column BillingCurrency: expected a currency code of three letters (ISO 4217) such as USD, found "0 Tokens""#)
    }

    @Test func twoCurrenciesInOneHourAndGroupNameTheLineOfTheSecond() throws {
        // Bedrock input and output lines of one hour and model, in USD and in eur (read as EUR): the
        // sum is refused at line 3 (the import fuzz test found it named no line).
        let path = try Fixture.write("""
            line_item_usage_start_date,line_item_usage_type,line_item_usage_amount,line_item_unblended_cost,line_item_currency_code
            2026-01-01T00:00:00Z,USE1-Claude3.5Sonnet-input-tokens,1000,0.003,USD
            2026-01-01T00:00:00Z,USE1-Claude3.5Sonnet-output-tokens,100,0.0015,eur
            """, name: "cur.csv")
        let store = try UsageStore.inMemory()
        #expect(importError(as: "cur.csv") { _ = try store.importFile(path, format: .bedrockCUR) }
                == "cur.csv:3: error: amounts in USD and EUR for the same hour and group; one currency per group is expected")
    }

    @Test func timesOutsideTheYears1970To9999AreRefused() throws {
        // 9999-12-31T23:59:59-14:00 is 10000-01-01 13:59:59 UTC (found by the import fuzz test: its
        // month broke the database's YYYY-MM check, a raw SQLite error, exit 73); year 0 is before 1970.
        #expect(try litellm(["r1,9999-12-31T23:59:59-14:00,gpt-4o,10,5,"])
                == #"spend.csv:2: error: column startTime: expected a date and time from 1970 to 9999 (UTC), found "9999-12-31T23:59:59-14:00""#)
        #expect(try litellm(["r1,0000-01-01 00:00:00,gpt-4o,10,5,"])
                == #"spend.csv:2: error: column startTime: expected a date and time from 1970 to 9999 (UTC), found "0000-01-01 00:00:00""#)
        // An OpenAI hour ending at Unix second 1e15 (year 31 million); its start_time's value is at column 44.
        let page = try Fixture.write(#"{"object": "page", "data": [{"start_time": 999999999996400, "end_time": 1000000000000000, "results": []}]}"#,
                                     name: "usage.json")
        #expect(importError(as: "usage.json") { _ = try ListSink.read(.openai, page) }
                == "usage.json:1:44: error: data[0].start_time: expected Unix seconds from 1970 to 9999 (UTC), found 999999999996400")
        let report = try Fixture.write(#"{"data": [{"starting_at": "1969-12-31T23:00:00Z", "ending_at": "1970-01-01T00:00:00Z", "results": []}]}"#,
                                       name: "report.json")
        #expect(importError(as: "report.json") { _ = try ListSink.read(.anthropic, report) }
                == #"report.json:1:27: error: data[0].starting_at: expected a time from 1970 to 9999 (UTC), found "1969-12-31T23:00:00Z""#)
    }

    @Test func aLangfuseGenerationWithUsageButNoModelIsRefused() throws {
        let path = try Fixture.write("""
            {"data": [{"id": "gen-9", "type": "GENERATION", "startTime": "2026-01-01T00:00:00Z", "model": null,
              "usageDetails": {"input": 10, "output": 2, "total": 12}}], "meta": {"page": 1, "limit": 50, "totalItems": 1, "totalPages": 1}}
            """, name: "observations.json")
        #expect(importError(as: "observations.json") { _ = try ListSink.read(.langfuse, path) }
                == #"observations.json:1:95: error: data[0].model: a generation with token usage but no model (observation "gen-9")"#)
    }

    @Test func aLangfuseGenerationWithOutputButNoInputIsRefused() throws {
        let path = try Fixture.write("""
            {"data": [
              {"id": "gen-9", "type": "GENERATION", "startTime": "2026-01-01T00:00:00Z", "model": "gpt-4o",
               "usageDetails": {"output": 20, "total": 20}}]}
            """, name: "observations.json")
        #expect(importError(as: "observations.json") { _ = try ListSink.read(.langfuse, path) }
                == #"observations.json:3:20: error: data[0].usageDetails: a generation with output tokens but no input tokens (no usage type naming "input" above 0)"#)
    }

    @Test func aLangfuseUsageTypeThatIsNotACountIsRefused() throws {
        let path = try Fixture.write("""
            {"data": [{"id": "gen-9", "type": "GENERATION", "startTime": "2026-01-01T00:00:00Z", "model": "gpt-4o",
              "usageDetails": {"input": 10, "input_cached_tokens": -3, "output": 2}}]}
            """, name: "observations.json")
        #expect(importError(as: "observations.json") { _ = try ListSink.read(.langfuse, path) }
                == "observations.json:2:56: error: data[0].usageDetails.input_cached_tokens: expected a whole number ≥ 0, found -3")
    }

    @Test func aLangfuseStartTimeThatIsNotISO8601IsRefused() throws {
        let path = try Fixture.write("""
            {"data": [{"id": "gen-9", "type": "GENERATION", "startTime": "yesterday", "model": "gpt-4o", "usageDetails": {"input": 10, "output": 2}}]}
            """, name: "observations.json")
        #expect(importError(as: "observations.json") { _ = try ListSink.read(.langfuse, path) }
                == #"observations.json:1:62: error: data[0].startTime: expected an ISO 8601 time such as 2026-01-01T09:15:02.123Z, found "yesterday""#)
    }

    @Test func aLangfuseV2PageWithoutTheUsageFieldGroupIsRefused() throws {
        // Fetched with the default fields (core,basic): the span passes; the generation after it
        // (data[1], opening at line 28, column 5) has no usageDetails to read, not zero tokens.
        #expect(importError(as: "observations.json") { _ = try ListSink.read(.langfuse, Fixture.path("langfuse-observations-v2-default-fields.json")) }
                == #"observations.json:28:5: error: data[1]: a generation without "usageDetails": this page of /api/public/v2/observations was fetched without the usage field group; fetch it again with fields=core,basic,usage,model"#)
    }

    @Test func aLangfuseV2PageWithoutTheModelFieldGroupIsRefused() throws {
        let path = try Fixture.write("""
            {"data": [{"id": "gen-9", "traceId": "t", "startTime": "2026-01-01T00:00:00Z", "endTime": null, "projectId": "p",
              "parentObservationId": null, "type": "GENERATION", "usageDetails": {"input": 10, "output": 2}, "costDetails": {}}],
             "meta": {"cursor": "eyJwIjoxfQ=="}}
            """, name: "observations.json")
        #expect(importError(as: "observations.json") { _ = try ListSink.read(.langfuse, path) }
                == #"observations.json:1:11: error: data[0]: a generation without "model": this page of /api/public/v2/observations was fetched without the model field group; fetch it again with fields=core,basic,usage,model"#)
        // A v1 page (meta with page and totalPages) lists every key: no field group to name.
        let v1 = try Fixture.write("""
            {"data": [{"id": "gen-9", "type": "GENERATION", "startTime": "2026-01-01T00:00:00Z", "providedModelName": "gpt-4o",
              "usageDetails": {"input": 10, "output": 2}}], "meta": {"page": 1, "limit": 50, "totalItems": 1, "totalPages": 1}}
            """, name: "observations.json")
        #expect(importError(as: "observations.json") { _ = try ListSink.read(.langfuse, v1) }
                == #"observations.json:1:11: error: data[0].model: a generation with token usage but no model (observation "gen-9")"#)
    }

    @Test func aLangfuseV2GenerationWithUsageButAnEmptyModelIsRefused() throws {
        // The events table keeps provided_model_name as a string: "" where the SDK sent none.
        let path = try Fixture.write("""
            {"data": [{"id": "gen-9", "startTime": "2026-01-01T00:00:00Z", "type": "GENERATION", "model": "",
              "usageDetails": {"input": 10, "output": 2}}], "meta": {}}
            """, name: "observations.json")
        #expect(importError(as: "observations.json") { _ = try ListSink.read(.langfuse, path) }
                == #"observations.json:1:95: error: data[0].model: a generation with token usage but no model (observation "gen-9")"#)
    }

    @Test func aLangfuseUsageInCharactersIsRefused() throws {
        let path = try Fixture.write("""
            {"data": [{"id": "gen-9", "type": "GENERATION", "startTime": "2026-01-01T00:00:00Z", "model": "gemini-pro",
              "usage": {"input": 400, "output": 80, "total": 480, "unit": "CHARACTERS"}}]}
            """, name: "observations.json")
        #expect(importError(as: "observations.json") { _ = try ListSink.read(.langfuse, path) }
                == #"observations.json:2:63: error: data[0].usage.unit: expected usage in TOKENS, found "CHARACTERS""#)
    }

    @Test func aLangfusePageWithoutDataIsRefused() throws {
        let path = try Fixture.write(#"[{"id": "gen-9", "type": "GENERATION"}]"#, name: "observations.json")
        #expect(importError(as: "observations.json") { _ = try ListSink.read(.langfuse, path) }
                == #"observations.json:1:1: error: expected an observations page (an object with "data"), found an array"#)
    }

    static let heliconeHeader = "response_id,response_created_at,response_status,request_created_at,request_body,request_properties,"
        + "request_user_id,model,prompt_tokens,completion_tokens,latency,cost"

    func heliconeCSV(_ rows: [String], header: String = ImportErrorTests.heliconeHeader) throws -> String? {
        let path = try Fixture.write(([header] + rows).joined(separator: "\n") + "\n", name: "export.csv")
        return importError(as: "export.csv") { _ = try ListSink.read(.helicone, path) }
    }

    func heliconeJSON(_ text: String, name: String) throws -> String? {
        let path = try Fixture.write(text, name: name)
        return importError(as: name) { _ = try ListSink.read(.helicone, path) }
    }

    @Test func aHeliconeCountThatIsNotAWholeNumberIsRefusedAtItsLine() throws {
        #expect(try heliconeJSON("""
            {"request_id": "r-1", "request_created_at": "2026-01-01T09:15:00.000Z", "model": "gpt-4o-mini", "prompt_tokens": "10", "completion_tokens": "3"}
            {"request_id": "r-2", "request_created_at": "2026-01-01T09:20:00.000Z", "model": "gpt-4o-mini", "prompt_tokens": "12.5", "completion_tokens": "3"}
            """, name: "requests.jsonl")
                == #"requests.jsonl:2:114: error: prompt_tokens: expected a whole number ≥ 0, found "12.5""#)
    }

    @Test func aFailedHeliconeQueryIsRefusedWithItsError() throws {
        #expect(try heliconeJSON(#"{"data": null, "error": "Invalid API key"}"#, name: "response.json")
                == #"response.json:1:25: error: error: a query that failed ("Invalid API key"), not requests; export the requests again"#)
    }

    @Test func aHeliconeRequestWithTokensButNoModelIsRefused() throws {
        #expect(try heliconeJSON("""
            {"data": [
              {"request_id": "r-9", "request_created_at": "2026-01-01T09:00:00.000Z", "model": "", "request_model": null, "prompt_tokens": 10, "completion_tokens": 2}]}
            """, name: "response.json")
                == #"response.json:2:84: error: data[0].model: a request with tokens but no model (request "r-9")"#)
    }

    @Test func aHeliconeTimeThatIsNotISO8601IsRefused() throws {
        #expect(try heliconeJSON("""
            [{
              "request_id": "r-1", "request_created_at": "01/01/2026 09:15", "prompt_tokens": 10, "completion_tokens": 2, "model": "gpt-4o-mini"
            }]
            """, name: "output.json")
                == #"output.json:2:46: error: [0].request_created_at: expected an ISO 8601 time such as 2026-01-01T09:15:02.123Z, found "01/01/2026 09:15""#)
    }

    @Test func aHeliconeCostBelowZeroIsRefused() throws {
        #expect(try heliconeJSON("""
            {"request_id": "r-1", "request_created_at": "2026-01-01T09:00:00.000Z", "model": "gpt-4o-mini", "prompt_tokens": 10, "completion_tokens": 2, "cost": -0.5}
            """, name: "requests.jsonl")
                == "requests.jsonl:1:150: error: cost: expected a cost in USD ≥ 0, found -0.5")
    }

    @Test func anotherExportersRecordIsRefusedForWantOfARequestID() throws {
        #expect(try heliconeJSON(#"{"id": "gen-1", "type": "GENERATION", "model": "gpt-4o", "usageDetails": {"input": 10}}"#, name: "observations.jsonl")
                == #"observations.jsonl:1:1: error: missing key "request_id": expected a Helicone request or a query response (an object with "data")"#)
    }

    @Test func aHeliconeCSVStatusThatIsNotACodeIsRefused() throws {
        #expect(try heliconeCSV([
            #""resp-1","2026-01-01T09:00:01.000Z","200","2026-01-01T09:00:00.000Z","Hi",,"user-1","gpt-4o-mini","10","2",,"0.0000027""#,
            #""resp-2","2026-01-01T09:05:01.000Z","OK","2026-01-01T09:05:00.000Z","Hi",,"user-1","gpt-4o-mini","10","2",,"0.0000027""#,
        ]) == #"export.csv:3: error: column response_status: expected an HTTP status such as 200, found "OK""#)
    }

    @Test func aHeliconeCSVWithoutTheModelColumnIsRefused() throws {
        let header = ImportErrorTests.heliconeHeader.replacingOccurrences(of: ",model,", with: ",")
        #expect(try heliconeCSV([], header: header) == #"export.csv:1: error: missing column "model""#)
    }

    /// One OpenRouter activity row as the REST API writes it; its response is `{"data": [row]}`,
    /// the row from column 11.
    static let openRouterRow = #"{"date": "2026-01-05", "model": "openai/o4-mini", "model_permaslug": "openai/o4-mini-2025-04-16", "#
        + #""endpoint_id": "e-1", "provider_name": "OpenAI", "usage": 0.01, "byok_usage_inference": 0, "requests": 4, "#
        + #""prompt_tokens": 1000, "completion_tokens": 100, "reasoning_tokens": 0}"#

    func openRouter(_ lines: [String], name: String = "activity.json") throws -> String? {
        let path = try Fixture.write(lines.joined(separator: "\n") + "\n", name: name)
        return importError(as: name) { _ = try ListSink.read(.openrouter, path) }
    }

    /// A response of the row, with `old` replaced by `new`.
    func openRouterRow(_ old: String? = nil, _ new: String = "") -> String {
        #"{"data": ["# + (old.map { ImportErrorTests.openRouterRow.replacingOccurrences(of: $0, with: new) } ?? ImportErrorTests.openRouterRow) + "]}"
    }

    @Test func aFailedOpenRouterCallIsRefusedWithItsMessage() throws {
        #expect(try openRouter([#"{"error": {"code": 403, "message": "Only management keys can perform this operation"}}"#])
                == #"activity.json:1:11: error: error: an error response (403 "Only management keys can perform this operation"), not activity; save the response of a successful GET /api/v1/activity (a management key is required)"#)
    }

    @Test func anOpenRouterCountThatIsNotAWholeNumberNamesTheLineOfItsSave() throws {
        // The second save's prompt_tokens, 12.5, at column 232 of line 2.
        #expect(try openRouter([openRouterRow(), openRouterRow(#""prompt_tokens": 1000"#, #""prompt_tokens": 12.5"#)], name: "saves.jsonl")
                == "saves.jsonl:2:232: error: data[0].prompt_tokens: expected a whole number ≥ 0, found 12.5")
    }

    @Test func anOpenRouterDateWithATimeOfDayIsRefused() throws {
        #expect(try openRouter([openRouterRow(#""2026-01-05""#, #""2026-01-05T00:00:00Z""#)])
                == #"activity.json:1:20: error: data[0].date: expected a UTC date YYYY-MM-DD such as 2026-01-15, found "2026-01-05T00:00:00Z""#)
    }

    @Test func openRouterReasoningBeyondTheCompletionTokensIsRefused() throws {
        #expect(try openRouter([openRouterRow(#""reasoning_tokens": 0"#, #""reasoning_tokens": 101"#)])
                == "activity.json:1:284: error: data[0].reasoning_tokens: expected at most completion_tokens (100), which include the reasoning ones, found 101")
    }

    @Test func anOpenRouterRowWithoutUsageOrWithANegativeCostIsRefused() throws {
        #expect(try openRouter([openRouterRow(#""usage": 0.01, "#, "")]) == #"activity.json:1:11: error: data[0]: missing key "usage""#)
        #expect(try openRouter([openRouterRow(#""byok_usage_inference": 0"#, #""byok_usage_inference": -0.5"#)])
                == "activity.json:1:197: error: data[0].byok_usage_inference: expected a cost in USD ≥ 0, found -0.5")
    }

    @Test func twoOpenRouterRowsOfOneDayModelAndEndpointInOneResponseAreRefused() throws {
        // The second row opens at column 11 + the row's 275 characters + ", ".
        #expect(try openRouter([#"{"data": ["# + ImportErrorTests.openRouterRow + ", " + ImportErrorTests.openRouterRow + "]}"])
                == "activity.json:1:288: error: data[1]: the same date, model and endpoint as data[0]; expected one row a day, model and endpoint in a response")
    }

    @Test func theOpenRouterSDKsCamelCasedItemsAndBareArraysAreRefused() throws {
        let camel = ImportErrorTests.openRouterRow.replacingOccurrences(of: "model_permaslug", with: "modelPermaslug")
            .replacingOccurrences(of: "prompt_tokens", with: "promptTokens")
        #expect(try openRouter([#"{"data": ["# + camel + "]}"])
                == "activity.json:1:230: error: data[0].promptTokens: the TypeScript SDK's camel-cased ActivityItem; save the REST response of GET /api/v1/activity, whose keys are snake_case (prompt_tokens)")
        // `jq .data`: the rows without their response.
        #expect(try openRouter(["[" + ImportErrorTests.openRouterRow + "]"])
                == #"activity.json:1:1: error: expected an activity response (an object with "data"), found an array"#)
    }

    func rollout(_ lines: [String]) throws -> String? {
        let path = try Fixture.write(lines.joined(separator: "\n") + "\n", name: "rollout.jsonl")
        return importError(as: "rollout.jsonl") { _ = try ListSink.read(.codex, path) }
    }

    static let codexTokens = #""input_tokens":100,"cached_input_tokens":20,"output_tokens":10,"total_tokens":110"#

    @Test func aCodexTokenCountBeforeAnySessionMetaIsRefused() throws {
        #expect(try rollout([ImporterTests.codexTokenCount("09:00:05.000", total: Self.codexTokens)])
                == "rollout.jsonl:1:1: error: a token count before any session_meta line: the session it belongs to is unknown")
    }

    @Test func codexTokenCountsOfAnotherTypeOrMoreCachedThanInputAreRefusedAtTheirJSONPath() throws {
        #expect(try rollout([ImporterTests.codexMeta, ImporterTests.codexTokenCount("09:00:05.000", total: Self.codexTokens,
                                                                                   last: #""input_tokens":100,"output_tokens":-10"#)])
                == "rollout.jsonl:2:259: error: payload.info.last_token_usage.output_tokens: expected a whole number ≥ 0, found -10")
        #expect(try rollout([ImporterTests.codexMeta, ImporterTests.codexTokenCount("09:00:05.000", total: #""input_tokens":100,"cached_input_tokens":120,"output_tokens":10"#)])
                == "rollout.jsonl:2:162: error: payload.info.total_token_usage.cached_input_tokens: expected at most input_tokens (100), which count the cached ones, found 120")
        #expect(try rollout([ImporterTests.codexMeta, ImporterTests.codexLine("09:00:05.000", "event_msg", #"{"type":"token_count","info":{"last_token_usage":{}}}"#)])
                == #"rollout.jsonl:2:99: error: payload.info: missing key "total_token_usage""#)
    }

    @Test func aCodexRolloutLineThatIsNoObjectOrHasNoTypeOrTimeIsRefused() throws {
        #expect(try rollout([#"["session_meta"]"#])
                == #"rollout.jsonl:1:1: error: expected a rollout line (an object with "timestamp", "type" and "payload"), found an array"#)
        #expect(try rollout([#"{"timestamp":"2026-01-12T09:00:00.000Z","payload":{"id":"s-1"}}"#])
                == #"rollout.jsonl:1:1: error: missing key "type""#)
        #expect(try rollout([ImporterTests.codexMeta, #"{"timestamp":"12/01/2026 09:00","type":"event_msg","payload":{"type":"token_count","info":{"total_token_usage":{\#(Self.codexTokens)}}}}"#])
                == #"rollout.jsonl:2:14: error: timestamp: expected an ISO 8601 time such as 2026-01-12T09:00:07.412Z, found "12/01/2026 09:00""#)
        #expect(try rollout([ImporterTests.codexLine("09:00:00.000", "session_meta", #"{"timestamp":"2026-01-12T09:00:00.000Z"}"#)])
                == #"rollout.jsonl:1:73: error: payload: missing key "id""#)
    }

    @Test func aCodexRolloutLineThatIsNotJSONRefusesTheFileWhenALineFollowsIt() throws {
        // The second line's 47 characters end after "type": a line is followed, so none was cut short.
        #expect(try rollout([ImporterTests.codexMeta, #"{"timestamp":"2026-01-12T09:00:01.000Z","type":"#, ImporterTests.codexMeta])
                == "rollout.jsonl:2:48: error: expected a value, found the end of the line")
    }

    func transcript(_ lines: [String], newlineAtEnd: Bool = true) throws -> String? {
        let path = try Fixture.write(lines.joined(separator: "\n") + (newlineAtEnd ? "\n" : ""), name: "session.jsonl")
        return importError(as: "session.jsonl") { _ = try ListSink.read(.claudeCode, path) }
    }

    static let userEntry = #"{"type":"user","timestamp":"2026-01-05T09:14:58.120Z","message":{"role":"user","content":"Hi"}}"#

    static func assistantEntry(usage: String = #""input_tokens":3,"output_tokens":12"#, model: String = #""model":"claude-sonnet-4-5-20250929","#,
                               time: String = "2026-01-05T09:15:02.481Z") -> String {
        #"{"type":"assistant","timestamp":"\#(time)","requestId":"req_1","message":{\#(model)"id":"msg_1","usage":{\#(usage)}}}"#
    }

    @Test func aTranscriptLineThatIsNotJSONRefusesTheFileWhenALineFollowsIt() throws {
        // Not the last line, or the last with its newline: not a line cut short by a stopped session.
        #expect(try transcript([ImportErrorTests.userEntry, #"{"type":"assistant","message":"#, ImportErrorTests.assistantEntry()])
                == "session.jsonl:2:31: error: expected a value, found the end of the line")
        #expect(try transcript([ImportErrorTests.userEntry, #"{"type":"assistant","message":"#])
                == "session.jsonl:2:31: error: expected a value, found the end of the line")
    }

    @Test func aTokenCountOfAnotherTypeIsRefusedAtItsJSONPath() throws {
        #expect(try transcript([ImportErrorTests.userEntry, ImportErrorTests.assistantEntry(usage: #""input_tokens":3,"output_tokens":true"#)])
                == "session.jsonl:2:183: error: message.usage.output_tokens: expected a whole number ≥ 0, found true")
        #expect(try transcript([ImportErrorTests.assistantEntry(usage: #""input_tokens":3,"cache_creation":{"ephemeral_1h_input_tokens":-5},"output_tokens":1"#)])
                == "session.jsonl:1:213: error: message.usage.cache_creation.ephemeral_1h_input_tokens: expected a whole number ≥ 0, found -5")
        #expect(try transcript([ImportErrorTests.assistantEntry(usage: #""output_tokens":1"#)])
                == #"session.jsonl:1:149: error: message.usage: missing key "input_tokens""#)
        #expect(try transcript([#"{"type":"assistant","timestamp":"2026-01-05T09:15:02.481Z","message":{"id":"msg_1","usage":[3,1]}}"#])
                == "session.jsonl:1:92: error: message.usage: expected an object of token counts, found an array")
    }

    @Test func aTranscriptEntryThatIsNoObjectOrAnAssistantsWithoutAMessageIsRefused() throws {
        #expect(try transcript([#"["user","Hi"]"#])
                == #"session.jsonl:1:1: error: expected a transcript entry (an object with "type"), found an array"#)
        #expect(try transcript([#"{"type":"assistant","timestamp":"2026-01-05T09:15:02.481Z"}"#]) == #"session.jsonl:1:1: error: missing key "message""#)
        #expect(try transcript([#"{"type":7}"#]) == "session.jsonl:1:9: error: type: expected a string or null, found 7")
    }

    @Test func aResponseWithTokensButNoModelOrTimeIsRefused() throws {
        #expect(try transcript([ImportErrorTests.assistantEntry(model: "")])
                == #"session.jsonl:1:90: error: message: a response with token usage but no model ("msg_1")"#)
        #expect(try transcript([ImportErrorTests.assistantEntry(model: #""model":"","#)])
                == #"session.jsonl:1:99: error: message.model: a response with token usage but no model ("msg_1")"#)
        #expect(try transcript([ImportErrorTests.assistantEntry(time: "05/01/2026 09:15")])
                == #"session.jsonl:1:33: error: timestamp: expected an ISO 8601 time such as 2026-01-01T09:15:02.123Z, found "05/01/2026 09:15""#)
    }

    /// One Cloud Monitoring time series of Vertex AI output tokens, as `projects.timeSeries.list` writes it.
    static let vertexSeries = #"{"metric": {"type": "aiplatform.googleapis.com/publisher/online_serving/token_count", "labels": {"type": "output"}}, "#
        + #""resource": {"type": "aiplatform.googleapis.com/PublisherModel", "labels": {"publisher": "google", "model_user_id": "gemini-2.5-pro"}}, "#
        + #""metricKind": "DELTA", "valueType": "INT64", "points": [{"interval": {"startTime": "2026-01-15T10:00:00Z", "endTime": "2026-01-15T11:00:00Z"}, "value": {"int64Value": "45000"}}]}"#

    /// A response of the series, with `old` replaced by `new`.
    func vertex(_ old: String? = nil, _ new: String = "", name: String = "series.json") throws -> String? {
        let series = old.map { ImportErrorTests.vertexSeries.replacingOccurrences(of: $0, with: new) } ?? ImportErrorTests.vertexSeries
        let path = try Fixture.write(#"{"timeSeries": ["# + series + "]}\n", name: name)
        return importError(as: name) { _ = try ListSink.read(.vertex, path) }
    }

    @Test func aFailedMonitoringCallIsRefusedWithItsMessage() throws {
        let error = importError(as: "vertex-error.json") { _ = try ListSink.read(.vertex, Fixture.path("vertex-error.json")) }
        #expect(error == #"vertex-error.json:2:12: error: error: an error response (429 RESOURCE_EXHAUSTED "Quota exceeded for quota metric 'Time series queries' and limit 'Time series queries per minute' of service 'monitoring.googleapis.com' for consumer 'project_number:855506332425'."), not time series; save the response of a successful projects.timeSeries.list"#)
    }

    @Test func vertexRatesAndRawPointsAreRefusedWithTheAggregationToRequest() throws {
        // ALIGN_RATE: a GAUGE of DOUBLE rates per second.
        #expect(try vertex(#""metricKind": "DELTA", "valueType": "INT64""#, #""metricKind": "GAUGE", "valueType": "DOUBLE""#)
                == #"series.json:1:284: error: timeSeries[0].metricKind: expected DELTA (counts per interval, as token_count is), found "GAUGE"; request aggregation.perSeriesAligner=ALIGN_SUM with aggregation.alignmentPeriod=3600s and interval.endTime on a whole hour"#)
        #expect(try vertex(#""valueType": "INT64""#, #""valueType": "DOUBLE""#)
                == #"series.json:1:306: error: timeSeries[0].valueType: expected INT64 (whole counts), found "DOUBLE"; request aggregation.perSeriesAligner=ALIGN_SUM with aggregation.alignmentPeriod=3600s and interval.endTime on a whole hour"#)
        // No aligner: a raw point of a minute that starts off the minute.
        #expect(try vertex(#""startTime": "2026-01-15T10:00:00Z", "endTime": "2026-01-15T11:00:00Z""#,
                           #""startTime": "2026-01-15T10:00:17Z", "endTime": "2026-01-15T10:01:17Z""#)
                == "series.json:1:339: error: timeSeries[0].points[0].interval: expected a point of an aligned series (one alignment period that divides a day, from a multiple of it since UTC midnight), found 2026-01-15T10:00:17Z to 2026-01-15T10:01:17Z; request aggregation.perSeriesAligner=ALIGN_SUM with aggregation.alignmentPeriod=3600s and interval.endTime on a whole hour")
        // An hour that ends at the time the query was made, 13:27.
        #expect(try vertex(#""startTime": "2026-01-15T10:00:00Z", "endTime": "2026-01-15T11:00:00Z""#,
                           #""startTime": "2026-01-15T12:27:00Z", "endTime": "2026-01-15T13:27:00Z""#)
                == "series.json:1:339: error: timeSeries[0].points[0].interval: expected a point of an aligned series (one alignment period that divides a day, from a multiple of it since UTC midnight), found 2026-01-15T12:27:00Z to 2026-01-15T13:27:00Z; request aggregation.perSeriesAligner=ALIGN_SUM with aggregation.alignmentPeriod=3600s and interval.endTime on a whole hour")
    }

    /// Cloud Monitoring lists one metric type a call: invocations saved alone would make buckets of
    /// no tokens that replace, hour for hour, the tokens an earlier import stored.
    @Test func vertexInvocationsWithoutTheirTokensAreRefused() throws {
        #expect(try vertex(#"online_serving/token_count", "labels": {"type": "output"}"#,
                           #"online_serving/model_invocation_count", "labels": {"response_code": "200"}"#)
                == "series.json:1:28: error: timeSeries[0].metric: model_invocation_count without token_count: a bucket holds both, and alone these would replace the tokens of the same hours an earlier import stored; save both metrics' responses in one file (JSON Lines, a response a line)")
    }

    @Test func vertexPointsOfTwoPeriodsInOneFileAreRefused() throws {
        let day = #"{"interval": {"startTime": "2026-01-15T00:00:00Z", "endTime": "2026-01-16T00:00:00Z"}, "value": {"int64Value": "1"}}"#
        #expect(try vertex(#""int64Value": "45000"}}"#, #""int64Value": "45000"}}, "# + day)
                == "series.json:1:461: error: timeSeries[0].points[1].interval: expected the alignment period of the file's first point (3600 s at timeSeries[0].points[0]), found 86400 s; periods of two widths over the same hours would count them twice")
    }

    @Test func vertexSeriesWithoutTheModelOrTheTokenTypeAreRefused() throws {
        // Reduced across models (crossSeriesReducer without grouping by model_user_id).
        #expect(try vertex(#", "model_user_id": "gemini-2.5-pro""#)
                == "series.json:1:146: error: timeSeries[0].resource: expected the model in labels.model_user_id; group the series by resource.label.model_user_id")
        #expect(try vertex(#""labels": {"type": "output"}"#, #""labels": {}"#)
                == "series.json:1:113: error: timeSeries[0].metric.labels: expected the token type in labels.type (input or output); group the series by metric.label.type")
        #expect(try vertex(#""int64Value": "45000""#, #""int64Value": "4.5e4""#)
                == #"series.json:1:437: error: timeSeries[0].points[0].value.int64Value: expected a whole number ≥ 0, found "4.5e4""#)
    }

    @Test func aVertexResponseThatIsNoneOrMayBeIncompleteIsRefused() throws {
        let path = try Fixture.write(#"{"data": []}"# + "\n", name: "series.json")
        #expect(importError(as: "series.json") { _ = try ListSink.read(.vertex, path) }
                == #"series.json:1:1: error: expected a timeSeries.list response ("timeSeries", "nextPageToken"…), found an object with the key "data""#)
        let partial = try Fixture.write(#"{"executionErrors": [{"code": 4, "message": "Deadline exceeded"}], "timeSeries": []}"# + "\n", name: "series.json")
        #expect(importError(as: "series.json") { _ = try ListSink.read(.vertex, partial) }
                == "series.json:1:22: error: executionErrors[0]: the response says its time series may be incomplete (executionErrors); query again and save a response without them")
        // A query that matched nothing: proto3 JSON writes an empty object.
        let empty = try Fixture.write("{}\n", name: "series.json")
        #expect(try ListSink.read(.vertex, empty).buckets.isEmpty)
    }

    /// One Azure Monitor metrics response of an hour of gpt-4o tokens, as the REST API writes it.
    static let azureResponse = #"{"timespan": "2026-01-15T10:00:00Z/2026-01-15T11:00:00Z", "interval": "PT1H", "value": [{"id": "/subscriptions/s/resourceGroups/r/providers/Microsoft.CognitiveServices/accounts/a/providers/Microsoft.Insights/metrics/InputTokens", "name": {"value": "InputTokens"}, "unit": "Count", "timeseries": [{"metadatavalues": [{"name": {"value": "modeldeploymentname"}, "value": "chat"}, {"name": {"value": "modelname"}, "value": "gpt-4o"}], "data": [{"timeStamp": "2026-01-15T10:00:00Z", "total": 1200.0}]}], "errorCode": "Success"}, {"name": {"value": "OutputTokens"}, "unit": "Count", "timeseries": []}]}"#

    func azure(_ old: String? = nil, _ new: String = "", then more: String = "") throws -> String? {
        let response = old.map { ImportErrorTests.azureResponse.replacingOccurrences(of: $0, with: new) } ?? ImportErrorTests.azureResponse
        let path = try Fixture.write(response + "\n" + more, name: "metrics.json")
        return importError(as: "metrics.json") { _ = try ListSink.read(.azureMonitor, path) }
    }

    @Test func aFailedAzureMetricsCallIsRefusedWithItsMessage() throws {
        let error = importError(as: "azure-monitor-error.json") { _ = try ListSink.read(.azureMonitor, Fixture.path("azure-monitor-error.json")) }
        #expect(error == #"azure-monitor-error.json:2:11: error: code: an error response (BadRequest "Failed to find metric configuration for provider: Microsoft.CognitiveServices, resource Type: accounts, metric: InputToken, Valid metrics: ActiveTokens,AzureOpenAIRequests,GeneratedTokens,InputTokens,ModelRequests,OutputTokens,ProcessedPromptTokens,TokenTransaction,TotalTokens"), not metrics; save the response of a successful metrics query"#)
        #expect(try azure(#""errorCode": "Success""#, #""errorCode": "InvalidSamplingType", "errorMessage": "Sampling type is not found.""#) == #"metrics.json:1:513: error: value[0].errorCode: the query of InputTokens failed (InvalidSamplingType: "Sampling type is not found."); query it again and save a response whose metrics say "Success""#)
        // The spec's wrapped form of the same error.
        #expect(try azure(nil, then: #"{"error": {"code": "BadRequest", "message": "Invalid aggregation."}}"#)
                == #"metrics.json:2:11: error: error: an error response (BadRequest "Invalid aggregation."), not metrics; save the response of a successful metrics query"#)
        #expect(try azure(nil, then: #"{"data": []}"#) == #"metrics.json:2:1: error: expected a metrics response ("timespan", "interval", "value"), found an object with the key "data""#)
    }

    @Test func azureAveragesAndUnalignedIntervalsAreRefusedWithTheQueryToMake() throws {
        // aggregation=Average: a mean per interval, no total.
        #expect(try azure(#""total": 1200.0"#, #""average": 1200.0"#) == "metrics.json:1:441: error: value[0].timeseries[0].data[0]: expected the total (a sum of tokens or requests), found only average; request aggregation=Total with interval=PT1H (or P1D) and a timespan on whole hours")
        // The CLI writes every aggregation not asked for as null: the same refusal.
        #expect(try azure(#""total": 1200.0"#, #""average": 1200.0, "total": null"#) == "metrics.json:1:441: error: value[0].timeseries[0].data[0]: expected the total (a sum of tokens or requests), found only average; request aggregation=Total with interval=PT1H (or P1D) and a timespan on whole hours")
        #expect(try azure(#""interval": "PT1H""#, #""interval": "FULL""#) == #"metrics.json:1:71: error: interval: expected an ISO 8601 duration such as PT1H or P1D, found "FULL"; request aggregation=Total with interval=PT1H (or P1D) and a timespan on whole hours"#)
        // A timespan that starts at 10:27 gives hours from 10:27.
        #expect(try azure(#""timeStamp": "2026-01-15T10:00:00Z""#, #""timeStamp": "2026-01-15T10:27:00Z""#) == #"metrics.json:1:455: error: value[0].timeseries[0].data[0].timeStamp: expected the start of an interval of 3600 s from UTC midnight, found "2026-01-15T10:27:00Z"; request aggregation=Total with interval=PT1H (or P1D) and a timespan on whole hours"#)
        #expect(try azure(#""total": 1200.0"#, #""total": 1200.5"#) == "metrics.json:1:488: error: value[0].timeseries[0].data[0].total: expected a whole number ≥ 0, found 1200.5")
    }

    @Test func azureResponsesOfTwoIntervalsInOneFileAreRefused() throws {
        #expect(try azure(nil, then: ImportErrorTests.azureResponse.replacingOccurrences(of: #""interval": "PT1H""#, with: #""interval": "P1D""#)
                            .replacingOccurrences(of: "10:00:00Z", with: "00:00:00Z")) == "metrics.json:2:71: error: interval: expected the interval of the file's first response (3600 s, line 1), found 86400 s; intervals of two widths over the same hours would count them twice")
    }

    /// Buckets hold tokens and requests, and a later import replaces a bucket whole: a figure a file
    /// lacks would replace what an earlier import stored for the same hours.
    @Test func azureFilesMissingAFigureOrCountingOneTwiceAreRefused() throws {
        #expect(try azure(#"{"value": "OutputTokens"}"#, #"{"value": "TotalTokens"}"#) == "metrics.json:1:239: error: value[0].name: InputTokens without OutputTokens: a bucket holds both, and its output tokens would be stored as 0; request OutputTokens in the same query")
        let requestsAlone = ImportErrorTests.azureResponse.replacingOccurrences(of: #"{"value": "InputTokens"}"#, with: #"{"value": "ModelRequests"}"#)
            .replacingOccurrences(of: #"{"value": "OutputTokens"}"#, with: #"{"value": "TotalTokens"}"#)
        let path = try Fixture.write(requestsAlone + "\n", name: "metrics.json")
        #expect(importError(as: "metrics.json") { _ = try ListSink.read(.azureMonitor, path) }
                == "metrics.json:1:239: error: value[0].name: ModelRequests without token counts: a bucket holds both, and alone these would replace the tokens of the same hours an earlier import stored; request InputTokens, OutputTokens and ModelRequests and save the responses in one file")
        #expect(try azure(#"{"value": "OutputTokens"}"#, #"{"value": "ProcessedPromptTokens"}"#) == "metrics.json:1:544: error: value[1].name.value: ProcessedPromptTokens counts what InputTokens (at value[0]) counts; request one of them, as both would count the same tokens or requests twice")
    }

    @Test func azureSeriesNotSplitByModelAndDeploymentAreRefused() throws {
        #expect(try azure(#", {"name": {"value": "modelname"}, "value": "gpt-4o"}"#) == "metrics.json:1:297: error: value[0].timeseries[0]: expected the ModelName and ModelDeploymentName dimensions in metadatavalues; split the series by both: $filter=ModelDeploymentName eq '*' and ModelName eq '*'")
        // ProcessedPromptTokens has no ModelName dimension in the supported-metrics reference: the fix names the metric to ask for.
        let azureOpenAI = ImportErrorTests.azureResponse.replacingOccurrences(of: #"{"value": "InputTokens"}"#, with: #"{"value": "ProcessedPromptTokens"}"#)
            .replacingOccurrences(of: #", {"name": {"value": "modelname"}, "value": "gpt-4o"}"#, with: "")
        let path = try Fixture.write(azureOpenAI + "\n", name: "metrics.json")
        #expect(importError(as: "metrics.json") { _ = try ListSink.read(.azureMonitor, path) }
                == "metrics.json:1:307: error: value[0].timeseries[0]: expected the ModelName and ModelDeploymentName dimensions in metadatavalues; split the series by both: $filter=ModelDeploymentName eq '*' and ModelName eq '*' (ProcessedPromptTokens has no ModelName: request InputTokens and OutputTokens)")
    }
}

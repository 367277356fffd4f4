import Foundation
import Testing

/// `breakeven catalog update` against a local server on 127.0.0.1 (issue 14): 200, 304, 404, a body
/// cut short, a server that never answers, a file that does not import, and `--offline`.
@Suite(.serialized) struct CatalogUpdateTests {
    static let fixtures = CLI.packageRoot.appendingPathComponent("Tests/BreakevenCatalogTests/Fixtures")
    static func fixture(_ name: String) throws -> Data { try Data(contentsOf: fixtures.appendingPathComponent(name)) }

    /// A fresh empty catalog and cache folder; the server's addresses for both files.
    struct Setup {
        let dir: URL
        let server: LocalHTTPServer
        var catalog: String { dir.appendingPathComponent("catalog.sqlite").path }

        init(_ answers: [String: LocalHTTPServer.Answer]) throws {
            dir = try CLI.workspace([:])
            server = try LocalHTTPServer(answers)
            let created = try CLI.run(["catalog", "init", "--empty", catalog])
            #expect(created.status == 0)
        }

        func update(_ extra: [String] = []) throws -> CLI.Output {
            try CLI.run(["catalog", "update", "--catalog", catalog, "--litellm-url", server.url("/litellm.json"),
                         "--genai-prices-url", server.url("/genai.json")] + extra,
                        environment: ["XDG_CACHE_HOME": dir.appendingPathComponent("cache").path])
        }

        func history(_ id: String) throws -> String {
            try CLI.run(["catalog", "history", id, "--catalog", catalog]).stdout
        }
    }

    @Test func fetchesBothFilesThenAsksWhetherTheyChanged() throws {
        let setup = try Setup(["/litellm.json": .conditional(try Self.fixture("litellm-sample.json"), etag: "\"lite-1\""),
                               "/genai.json": .ok(try Self.fixture("genai-prices-sample.json"), etag: "\"genai-1\"",
                                                  lastModified: "Fri, 21 Aug 2026 09:00:00 GMT")])
        defer { setup.server.stop() }
        let first = try setup.update()
        #expect(first.status == 0, "\(first.stderr)")
        let today = Self.today()
        // LiteLLM's 7 models: 4 only it lists are added; genai-prices outranks it on the 3 both list, so it fills
        // the batch (and priority) prices of gpt-4o and claude-sonnet-4-5 (updated 2) and leaves deepseek-chat's
        // disagreeing price alone (unchanged 1).
        #expect(first.stdout == """
            genai-prices (fetched; undated prices as of 2026-08-21, its Last-Modified day): added 9, updated 0, unchanged 0, skipped 1 (no input and output price per token: 1)
            litellm (fetched; undated prices as of \(today), today): added 4, updated 2, unchanged 1, skipped 5 (alias of another entry: 1, another key names the same model: 1, mode embedding: 1, mode image_generation: 1, sample_spec (describes the format): 1)

            """)
        // The second run sends the cached ETag; the server answers 304 for LiteLLM's file, and nothing changes.
        let second = try setup.update()
        #expect(second.status == 0, "\(second.stderr)")
        #expect(setup.server.received.last?.contains("If-None-Match: \"lite-1\"") == true)
        #expect(second.stdout.contains("litellm (unchanged since the cached copy; undated prices as of \(today), today): added 0, updated 0, unchanged 7"))
        #expect(second.stdout.contains("genai-prices (fetched; undated prices as of 2026-08-21, its Last-Modified day): added 0, updated 0, unchanged 9"))
    }

    @Test func aMissingFileChangesNothing() throws {
        let setup = try Setup(["/genai.json": .ok(try Self.fixture("genai-prices-sample.json"), etag: "\"g\"", lastModified: nil)])
        defer { setup.server.stop() }
        let result = try setup.update()
        #expect(result.status == 66)
        #expect(result.stderr == "breakeven: \(setup.server.url("/litellm.json")): HTTP 404 Not Found; \(setup.catalog) is unchanged\n")
        #expect(try CLI.run(["catalog", "list", "--catalog", setup.catalog]).stdout == "USD per million tokens\nid  input  cached  output  batch in  batch out  from\n")
    }

    @Test func aBodyCutShortChangesNothing() throws {
        let body = try Self.fixture("litellm-sample.json")
        let setup = try Setup(["/litellm.json": .truncated(body.prefix(500), declared: body.count),
                               "/genai.json": .ok(try Self.fixture("genai-prices-sample.json"), etag: "\"g\"", lastModified: nil)])
        defer { setup.server.stop() }
        let result = try setup.update()
        #expect(result.status == 69)
        #expect(result.stderr == "breakeven: offline? cannot fetch \(setup.server.url("/litellm.json")): the connection closed before the whole file arrived; \(setup.catalog) is unchanged\n")
    }

    @Test func aServerThatNeverAnswersTimesOut() throws {
        let setup = try Setup(["/genai.json": .silence])
        defer { setup.server.stop() }
        let result = try setup.update(["--timeout", "1"])
        #expect(result.status == 69)
        #expect(result.stderr == "breakeven: offline? cannot fetch \(setup.server.url("/genai.json")): no answer within 1 s; \(setup.catalog) is unchanged\n")
    }

    @Test func aFileThatDoesNotImportChangesNothingAndSaysWhere() throws {
        let setup = try Setup(["/litellm.json": .ok(try Self.fixture("litellm-sample.json"), etag: "\"l\"", lastModified: nil),
                               "/genai.json": .ok(try Self.fixture("genai-prices-sample-truncated.json"), etag: "\"g\"", lastModified: nil)])
        defer { setup.server.stop() }
        let result = try setup.update()
        #expect(result.status == 65)
        #expect(result.stderr.hasPrefix("\(setup.server.url("/genai.json")):378:1: error: expected a key in double quotes, found the end of the file"))
        #expect(result.stderr.hasSuffix(" (\(setup.catalog) is unchanged)\n"))
        // Neither file went in: the two imports are one transaction.
        #expect(try setup.history("openai/gpt-4o").isEmpty)
    }

    @Test func offlineSaysSoAndChangesNothing() throws {
        let setup = try Setup([:])
        defer { setup.server.stop() }
        let result = try setup.update(["--offline"])
        #expect(result.status == 0)
        #expect(result.stderr == "breakeven: offline: nothing fetched; \(setup.catalog) is unchanged\n")
        #expect(setup.server.received.isEmpty)
    }

    static func today() -> String {
        let parts = Calendar(identifier: .gregorian).dateComponents(in: TimeZone(identifier: "UTC")!, from: Date())
        return String(format: "%04d-%02d-%02d", parts.year!, parts.month!, parts.day!)
    }
}

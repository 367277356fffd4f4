import Foundation
import Testing

/// What `catalog show` and `catalog history` print of a model imported from both files (issue 14):
/// how each date was found, which source won and what the other filled in.
@Suite struct CatalogPriceTextTests {
    static let fixtures = CLI.packageRoot.appendingPathComponent("Tests/BreakevenCatalogTests/Fixtures")

    static func catalog() throws -> String {
        let dir = try CLI.workspace([:])
        let catalog = dir.appendingPathComponent("c.sqlite").path
        #expect(try CLI.run(["catalog", "init", "--empty", catalog]).stdout == "\(catalog): added 0, updated 0, unchanged 0, skipped 0\n")
        #expect(try CLI.run(["catalog", "import", "--format", "genai-prices", fixtures.appendingPathComponent("genai-prices-sample.json").path,
                             "--observed-on", "2026-08-21", "--catalog", catalog]).status == 0)
        #expect(try CLI.run(["catalog", "import", "--format", "litellm", fixtures.appendingPathComponent("litellm-sample.json").path,
                             "--observed-on", "2026-11-01", "--catalog", catalog]).status == 0)
        return catalog
    }

    @Test func showNamesTheWinningSourceAndWhatTheOtherFilledIn() throws {
        let show = try CLI.run(["catalog", "show", "anthropic/claude-sonnet-4-5", "--catalog", try Self.catalog()])
        #expect(show.stdout == """
            model anthropic/claude-sonnet-4-5 (anthropic), from 2026-08-21 (undated: the file's date)
              input 3, cached 0.3, cache write 3.75, 1-hour cache write 6, output 15 USD/Mtok
              batch input 1.5, batch cached 0.15, batch cache write 1.875, batch output 7.5; per request –
              above 200000 prompt tokens: input 6, output 22.5, cached 0.6, cache write 7.5
              context window 1000000 tokens
              origin: genai-prices (precedence seed > genai-prices > LiteLLM; a lower source only fills what a higher one leaves out)
              filled in: batch, batch cache prices from LiteLLM (2026-11-01)
              source: genai-prices data.json; https://www.anthropic.com/pricing#api (anthropic claude-sonnet-4-5)

            """)
    }

    @Test func provisionedOffersAreListedAndShown() throws {
        // The built-in catalog's Bedrock Reserved Tier offers for Claude Sonnet 4.5 (seed.json):
        // $0.18 and $0.16 per unit-hour, 1,000 input and 1,000 output tokens per minute per unit.
        let list = try CLI.run(["catalog", "list", "provisioned", "--search", "claude", "--as-of", "2026-11-01"])
        #expect(list.status == 0)
        #expect(list.stdout == """
            USD per unit (an Azure PTU, a Scale Tier unit, a Bedrock model unit); tokens per minute per unit
            id                                                      model                        $/unit-hour  $/unit-month  input TPM/unit  output TPM/unit  min units  from
            bedrock/claude-sonnet-4-5/reserved-tier/global/1-month  anthropic/claude-sonnet-4-5         0.18             –            1000             1000        100  2026-09-22
            bedrock/claude-sonnet-4-5/reserved-tier/global/3-month  anthropic/claude-sonnet-4-5         0.16             –            1000             1000        100  2026-09-22

            """)
        // `catalog show` used to answer "unknown catalog id" for every provisioned offer.
        let show = try CLI.run(["catalog", "show", "azure/gpt-4.1/global/hourly"])
        #expect(show.status == 0)
        #expect(show.stdout.hasPrefix("""
            provisioned offer azure/gpt-4.1/global/hourly: openai/gpt-4.1 at azure from 2026-09-23; cached_input_weight 0, \
            input_tokens_per_minute_per_unit 3000, min_units 15, output_token_weight 4, unit_increment 5, unit_price_per_hour 1
              source: Azure OpenAI provisioned throughput units (PTU)
            """))
    }

    @Test func historyShowsHowEachDateWasFound() throws {
        let history = try CLI.run(["catalog", "history", "anthropic/claude-sonnet-5", "--catalog", try Self.catalog()])
        // The $2 price before the stated 2026-09-01 rise has no stated start: genai-prices applies it to every earlier
        // request, so it is entered from 2000-01-01; the file (read 2026-08-21) saw it in force that day.
        #expect(history.stdout == """
            anthropic/claude-sonnet-5, USD per million tokens
            from        dated by               last seen   input  cached  write  output  batch in  batch out  origin        source
            2000-01-01  before a dated change  2026-08-21      2     0.2    2.5      10         –          –  genai-prices  genai-prices data.json; https://www.anthropic.com/pricing#api (anthropic claude-sonnet-5)
            2026-09-01  stated                 2026-09-01      3     0.3   3.75      15         –          –  genai-prices  genai-prices data.json; https://www.anthropic.com/pricing#api (anthropic claude-sonnet-5)

            """)
    }

    @Test func aModelOnlyLiteLLMListsIsDatedByTheFile() throws {
        let history = try CLI.run(["catalog", "history", "gemini/gemini-2.5-pro", "--catalog", try Self.catalog()])
        #expect(history.stdout.contains("\n2026-11-01  file date  2026-11-01   1.25   0.125      –      10     0.625          5  litellm  "))
    }
}

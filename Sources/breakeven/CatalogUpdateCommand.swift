import ArgumentParser
import BreakevenCatalog
import BreakevenCore
import BreakevenStorage
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
import Foundation

extension CatalogCommand {
    /// `breakeven catalog update`: both community price files fetched and imported in one transaction.
    struct Update: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Fetch LiteLLM's and genai-prices' price files and import both into a user catalog, in one transaction.",
            discussion: """
            Each file is fetched with a conditional GET against the copy cached under $XDG_CACHE_HOME/breakeven/prices \
            (default ~/.cache/breakeven/prices): an unchanged file is not downloaded again. Undated prices are taken as in \
            force on the file's own date (its Last-Modified) or, without one, today. Offline, nothing changes and the \
            command says so. Exit status 69 when a file cannot be fetched, 66 when its address answers 404, 65 when a \
            file does not import; the catalog is unchanged in every case.
            """)

        static let liteLLMURL = "https://raw.githubusercontent.com/BerriAI/litellm/main/model_prices_and_context_window.json"
        static let genAIPricesURL = "https://raw.githubusercontent.com/pydantic/genai-prices/refs/heads/main/prices/new_data/v2/data.json"

        @Option(name: .customLong("litellm-url"), help: ArgumentHelp("Where LiteLLM's file is (default: $BREAKEVEN_LITELLM_URL, else \(Update.liteLLMURL)).", valueName: "URL"))
        var liteLLMURL: String?

        @Option(name: .customLong("genai-prices-url"), help: ArgumentHelp("Where genai-prices' data.json is (default: $BREAKEVEN_GENAI_PRICES_URL, else \(Update.genAIPricesURL)).", valueName: "URL"))
        var genAIPricesURL: String?

        @Option(help: ArgumentHelp("Seconds to wait for each file.", valueName: "SECONDS"))
        var timeout: Double = 30

        @Flag(help: "Do not use the network: say so and leave the catalog as it is.")
        var offline = false

        @OptionGroup var catalog: CatalogOptions

        static let unavailable = ExitCode(69)

        func validate() throws {
            guard timeout.isFinite, timeout > 0, timeout <= 3600 else {
                throw ValidationError("--timeout: expected seconds from 0 to 3600, found \(timeout)")
            }
        }

        func run() throws {
            guard let path = catalog.chosenPath else {
                throw ValidationError("updating needs a user catalog: --catalog DB or BREAKEVEN_CATALOG (create one with `breakeven catalog init DB`)")
            }
            if offline {
                Terminal.error("breakeven: offline: nothing fetched; \(path) is unchanged")
                return
            }
            let environment = ProcessInfo.processInfo.environment
            let fetchers = try [("genai-prices", genAIPricesURL ?? environment["BREAKEVEN_GENAI_PRICES_URL"] ?? Self.genAIPricesURL),
                                ("litellm", liteLLMURL ?? environment["BREAKEVEN_LITELLM_URL"] ?? Self.liteLLMURL)].map { name, text in
                guard let url = URL(string: text), ["https", "http"].contains(url.scheme?.lowercased() ?? "") else {
                    throw ValidationError("expected an http(s) URL for \(name), found \"\(text)\"")
                }
                return PriceFileFetcher(name: name, url: url, timeout: timeout, cacheDirectory: Self.cacheDirectory(environment))
            }
            let store = try CatalogOptions.writableStore(path)

            var fetched: [PriceFileFetcher.Fetched] = []
            for fetcher in fetchers {
                do {
                    fetched.append(try fetcher.fetch())
                } catch {
                    switch error {
                    case .unreachable(let reason):
                        throw CommandFailure(Self.unavailable, "offline? cannot fetch \(fetcher.url.absoluteString): \(reason); \(path) is unchanged")
                    case .status(let code):
                        throw CommandFailure(code == 404 ? ExitStatus.noInput : Self.unavailable, "\(fetcher.url.absoluteString): HTTP \(code)\(Self.reasons[code].map { " " + $0 } ?? ""); \(path) is unchanged")
                    }
                }
            }
            let today = CatalogCommand.today()
            func options(_ f: PriceFileFetcher.Fetched) -> PriceImportOptions {
                f.lastModified.map { PriceImportOptions(observedOn: CatalogCommand.day(of: $0), dating: .fileDate) }
                    ?? PriceImportOptions(observedOn: today, dating: .importDate)
            }
            let summaries: (genAIPrices: ImportSummary, liteLLM: ImportSummary)
            do {
                summaries = try store.importPriceFiles(
                    genAIPrices: (fetched[0].body, fetchers[0].url.absoluteString, options(fetched[0])),
                    liteLLM: (fetched[1].body, fetchers[1].url.absoluteString, options(fetched[1])))
            } catch let error as CatalogError {
                Terminal.error(error.description + " (\(path) is unchanged)")
                throw ExitStatus.dataError
            } catch let damage as DamagedRow {
                throw CommandFailure(ExitStatus.dataError, "\(path): \(damage) (\(path) is unchanged)")
            }
            for (fetcher, file) in zip(fetchers, fetched) {
                do {
                    try fetcher.store(file)
                } catch {
                    Terminal.error("breakeven: warning: cannot cache \(fetcher.name) under \(fetcher.cacheDirectory.path): \(error.localizedDescription)")
                }
            }
            for (fetcher, file, summary) in [(fetchers[0], fetched[0], summaries.genAIPrices), (fetchers[1], fetched[1], summaries.liteLLM)] {
                let how = file.fromCache ? "unchanged since the cached copy" : "fetched"
                let day = options(file)
                let dating = day.observedDating == .fileDate ? "its Last-Modified day" : "today"
                Terminal.out("\(fetcher.name) (\(how); undated prices as of \(day.observedOn), \(dating)): \(summary.description)")
            }
        }

        /// RFC 9110 reason phrases of the statuses a file server gives.
        static let reasons = [304: "Not Modified", 400: "Bad Request", 401: "Unauthorized", 403: "Forbidden", 404: "Not Found",
                              410: "Gone", 429: "Too Many Requests", 500: "Internal Server Error", 502: "Bad Gateway",
                              503: "Service Unavailable", 504: "Gateway Timeout"]

        /// `$XDG_CACHE_HOME/breakeven/prices`, else `~/.cache/breakeven/prices`.
        static func cacheDirectory(_ environment: [String: String]) -> URL {
            let base = environment["XDG_CACHE_HOME"].flatMap { $0.isEmpty ? nil : URL(fileURLWithPath: $0) }
                ?? FileManager.default.homeDirectoryForCurrentUser.appendingPathComponent(".cache")
            return base.appendingPathComponent("breakeven/prices")
        }
    }
}

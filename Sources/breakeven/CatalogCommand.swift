import ArgumentParser
import BreakevenCatalog
import BreakevenCore
import BreakevenStorage
import Foundation

struct CatalogCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "catalog",
        abstract: "Dated API prices, GPUs, GPU offers, open models, machines and subscriptions.",
        subcommands: [List.self, Show.self, History.self, Init.self, Import.self, Update.self]
    )

    enum Kind: String, ExpressibleByArgument, CaseIterable {
        case models, gpus, offers, hardware, plans
        case openModels = "open-models"
        case provisioned
    }

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List catalog entries (prices in effect today, or on --as-of).")

        @Argument(help: "models, gpus, offers, hardware, plans, open-models or provisioned.")
        var kind: Kind = .models

        @Option(help: "Only this provider (models, offers, plans, provisioned).")
        var provider: String?

        @Option(help: "Only entries whose id or name contains this text.")
        var search: String?

        @Option(name: .customLong("as-of"), help: ArgumentHelp("Prices in effect on this date.", valueName: "YYYY-MM-DD"))
        var asOf: String?

        @OptionGroup var catalog: CatalogOptions

        func run() throws {
            let snapshot = try catalog.load().snapshot
            let day = try asOf.map(CatalogCommand.day)
            var table: TerminalTable
            switch kind {
            case .models:
                table = TerminalTable(["id", "input", "cached", "output", "batch in", "batch out", "from"], left: [0, 6])
                for p in snapshot.listModelPrices(provider: provider, search: search, asOf: day) {
                    table.append([p.id, price(p.inputPerMTok), price(p.cachedInputPerMTok), price(p.outputPerMTok),
                                  price(p.batchInputPerMTok), price(p.batchOutputPerMTok), p.effectiveFrom.description])
                }
                Terminal.out("USD per million tokens")
            case .gpus:
                table = TerminalTable(["id", "name", "memory GB", "TB/s", "BF16 TFLOPS", "FP8 TFLOPS", "TDP W"], left: [0, 1])
                for g in snapshot.listGPUs(search: search) {
                    let d = g.datasheet
                    table.append([g.id, g.name, number(d.memoryGB), number(d.bandwidthTBps), number(d.bf16TFLOPS),
                                  d.fp8TFLOPS.map(number) ?? "–", number(g.tdpWatts)])
                }
            case .offers:
                table = TerminalTable(["id", "gpu", "provider", "commitment", "$/GPU-hour", "GPUs/instance", "from"], left: [0, 1, 2, 3, 6])
                for o in snapshot.listGPUOffers(provider: provider, search: search, asOf: day) {
                    table.append([o.id, o.gpu, o.provider, o.commitment.rawValue, Money.fixed(o.hourly, decimals: 2),
                                  String(o.gpusPerInstance), o.effectiveFrom.description])
                }
            case .hardware:
                table = TerminalTable(["id", "name", "price", "memory GB", "TB/s", "busy W", "idle W"], left: [0, 1])
                for h in snapshot.listHardware(search: search, asOf: day) {
                    table.append([h.id, h.name, MoneyFormat.usd.amount(h.price), number(h.datasheet.memoryGB), number(h.datasheet.bandwidthTBps),
                                  number(h.wattsBusy), number(h.wattsIdle)])
                }
            case .plans:
                table = TerminalTable(["id", "name", "$/month", "included requests", "from"], left: [0, 1, 4])
                for p in snapshot.listPlans(provider: provider, search: search, asOf: day) {
                    table.append([p.id, p.name, Money.fixed(p.monthlyFee, decimals: 2),
                                  p.includedRequestsPerMonth.map(number) ?? "unstated", p.effectiveFrom.description])
                }
            case .provisioned:
                table = TerminalTable(["id", "model", "$/unit-hour", "$/unit-month", "input TPM/unit", "output TPM/unit", "min units", "from"],
                                      left: [0, 1, 7])
                for o in snapshot.listOffers(kind: OptionKind.provisioned.rawValue, provider: provider, search: search, asOf: day) {
                    let value = { (key: String) in o.values[key].map { number($0) } ?? "–" }
                    table.append([o.id, o.words["model"] ?? "–", value("unit_price_per_hour"), value("unit_price_per_month"),
                                  value("input_tokens_per_minute_per_unit"), value("output_tokens_per_minute_per_unit"), value("min_units"),
                                  o.effectiveFrom.description])
                }
                Terminal.out("USD per unit (an Azure PTU, a Scale Tier unit, a Bedrock model unit); tokens per minute per unit")
            case .openModels:
                table = TerminalTable(["id", "name", "params", "active", "layers", "kv heads", "context", "license"], left: [0, 1, 7])
                for m in snapshot.listOpenModels(search: search) {
                    table.append([m.id, m.name, Money.scientific(m.totalParameters), Money.scientific(m.activeParameters),
                                  String(m.layers), String(m.kvHeads), String(m.contextLength), m.license])
                }
            }
            Terminal.out(table.text)
        }

        private func price(_ x: Double?) -> String { x.map { Money.trimmed(Money.fixed($0, decimals: 4)) } ?? "–" }
        private func number(_ x: Double) -> String { Money.trimmed(Money.fixed(x, decimals: 2)) }
    }

    struct Show: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Everything the catalog holds for one id, with its sources.")

        @Argument(help: "A model, GPU, offer, open-model, machine, plan or provisioned-offer id.")
        var id: String

        @OptionGroup var catalog: CatalogOptions

        func run() throws {
            let snapshot = try catalog.load().snapshot
            let entries = snapshot.entries(id: id)
            guard !entries.isEmpty else {
                throw CommandFailure(ExitStatus.usage, "unknown catalog id \"\(id)\"" + Suggestion.clause(for: id, in: snapshot.allIDs))
            }
            Terminal.out(entries.map(CatalogCommand.describe).joined(separator: "\n"))
        }
    }

    struct History: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "A model's prices over time.")

        @Argument(help: "A model id, provider/model.")
        var id: String

        @OptionGroup var catalog: CatalogOptions

        func run() throws {
            let snapshot = try catalog.load().snapshot
            let history = snapshot.priceHistory(of: id)
            guard !history.isEmpty else {
                throw CommandFailure(ExitStatus.usage, "no prices for \"\(id)\"" + Suggestion.clause(for: id, in: Array(Set(snapshot.modelPrices.map(\.id)))))
            }
            Terminal.out(ModelPriceText.history(id, history))
        }
    }

    struct Init: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Create a user catalog holding the built-in seed.")

        @Argument(help: "Where to create it (default: $BREAKEVEN_CATALOG).")
        var path: String?

        @Flag(help: "Create it empty, without the built-in seed (to hold only imported files).")
        var empty = false

        func run() throws {
            guard let path = path ?? ProcessInfo.processInfo.environment["BREAKEVEN_CATALOG"] else {
                throw ValidationError("give the path of the catalog to create, or set BREAKEVEN_CATALOG")
            }
            guard !FileManager.default.fileExists(atPath: path) else {
                throw CommandFailure(ExitStatus.cantCreate, "\(path) already exists; a catalog is created only once (import into it instead)")
            }
            do {
                let store = try CatalogStore(path: path)
                let summary = try store.install(empty ? CatalogSnapshot() : try CatalogStore.seed())
                Terminal.out("\(path): \(summary.description)")
            } catch {
                throw CommandFailure(ExitStatus.cantCreate, "cannot create \(path): \(error)")
            }
        }
    }

    struct Import: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Import a LiteLLM or genai-prices price file into a user catalog, in one transaction.")

        enum Format: String, ExpressibleByArgument, CaseIterable {
            case litellm
            case genaiPrices = "genai-prices"
        }

        @Option(help: "litellm (model_prices_and_context_window.json) or genai-prices (data.json).")
        var format: Format

        @Argument(help: "The price file.")
        var file: String

        @Option(name: .customLong("observed-on"), help: ArgumentHelp("The day the file's undated prices were in force (default: the file's modification date).", valueName: "YYYY-MM-DD"))
        var observedOn: String?

        @OptionGroup var catalog: CatalogOptions

        func run() throws {
            guard let path = catalog.chosenPath else {
                throw ValidationError("importing needs a user catalog: --catalog DB or BREAKEVEN_CATALOG (create one with `breakeven catalog init DB`)")
            }
            guard let data = FileManager.default.contents(atPath: file) else {
                throw CommandFailure(ExitStatus.noInput, "\(file): no such file")
            }
            let day = try observedOn.map(CatalogCommand.day) ?? CatalogCommand.modificationDay(of: file) ?? CatalogCommand.today()
            let store = try CatalogOptions.writableStore(path)
            do {
                let options = PriceImportOptions(observedOn: day)
                let summary = switch format {
                case .litellm: try store.importLiteLLM(data, named: file, options: options)
                case .genaiPrices: try store.importGenAIPrices(data, named: file, options: options)
                }
                Terminal.out("\(file): \(summary.description)")
            } catch let error as CatalogError {
                Terminal.error(error.description)
                throw ExitStatus.dataError
            } catch let damage as DamagedRow {
                throw CommandFailure(ExitStatus.dataError, "\(path): \(damage) (\(file) is not imported)")
            }
        }
    }

    static func day(_ text: String) throws -> CalendarDay {
        guard let day = CalendarDay(text) else { throw ValidationError("expected a date YYYY-MM-DD, found \"\(text)\"") }
        return day
    }

    /// The clock is read only here and in `catalog update`, for the day undated prices were seen.
    static func today() -> CalendarDay {
        day(of: Date())
    }

    static func day(of date: Date) -> CalendarDay {
        let parts = Calendar(identifier: .gregorian).dateComponents(in: TimeZone(identifier: "UTC") ?? .current, from: date)
        return CalendarDay(year: parts.year ?? 2026, month: parts.month ?? 1, day: parts.day ?? 1)
    }

    /// The file's own date: the day it was last written (a download's day, a copy's original day).
    static func modificationDay(of path: String) -> CalendarDay? {
        (try? FileManager.default.attributesOfItem(atPath: path)[.modificationDate] as? Date).map(day(of:))
    }

    static func describe(_ entry: CatalogEntry) -> String {
        func n(_ x: Double?) -> String { x.map { Money.trimmed(Money.fixed($0, decimals: 4)) } ?? "–" }
        switch entry {
        case .model(let history):
            return history.map(ModelPriceText.describe).joined(separator: "\n")
        case .gpu(let g):
            let d = g.datasheet
            return "GPU \(g.id): \(g.name)\n  \(n(d.memoryGB)) GB at \(n(d.bandwidthTBps)) TB/s; dense BF16 \(n(d.bf16TFLOPS)), FP8 \(n(d.fp8TFLOPS)), INT8 \(n(d.int8TOPS)), INT4 \(n(d.int4TOPS)) TFLOPS; \(n(g.tdpWatts)) W\n  source: \(g.source)"
        case .gpuOffer(let offers):
            return offers.map { "offer \($0.id): \($0.gpu) at \($0.provider), \($0.commitment.rawValue), $\(n($0.hourly)) per GPU-hour\($0.gpusPerInstance == 1 ? "" : " in instances of \($0.gpusPerInstance) GPUs") from \($0.effectiveFrom)\n  source: \($0.source)" }.joined(separator: "\n")
        case .openModel(let m):
            return "open model \(m.id): \(m.name), \(Money.scientific(m.totalParameters)) parameters (\(Money.scientific(m.activeParameters)) active), \(m.layers) layers, hidden \(m.hiddenSize), \(m.attentionHeads) heads, \(m.latentKVValues.map { "latent KV cache of \($0) values per layer" } ?? "\(m.kvHeads) KV heads × \(m.headDimension)"), context \(m.contextLength), \(m.license)\n  source: \(m.source)"
        case .hardware(let machines):
            return machines.map { "machine \($0.id): \($0.name), \(MoneyFormat.usd.amount($0.price)) from \($0.effectiveFrom)\($0.provider.map { " (\($0))" } ?? ""); \(n($0.datasheet.memoryGB)) GB at \(n($0.datasheet.bandwidthTBps)) TB/s, BF16 \(n($0.datasheet.bf16TFLOPS)) TFLOPS; \(n($0.wattsBusy)) W busy, \(n($0.wattsIdle)) W idle\n  source: \($0.source)" }.joined(separator: "\n")
        case .offer(let offers):
            return offers.map { o in
                let values = o.values.keys.sorted().map { "\($0) \(n(o.values[$0]))" }.joined(separator: ", ")
                return "\(o.kind) offer \(o.id): \(o.words["model"] ?? "–") at \(o.provider) from \(o.effectiveFrom); \(values)\n  source: \(o.source)"
            }.joined(separator: "\n")
        case .plan(let plans):
            return plans.map { "plan \($0.id): \($0.name), $\(n($0.monthlyFee)) a month from \($0.effectiveFrom); includes \($0.includes)\n  source: \($0.source)" }.joined(separator: "\n")
        }
    }
}

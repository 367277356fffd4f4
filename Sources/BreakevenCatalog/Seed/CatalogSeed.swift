import BreakevenCore
import Foundation

extension CatalogStore {
    /// The catalog shipped inside the tool (`Resources/seed.json`), decoded directly: no database,
    /// so a plain run needs nothing on disk. Canonical form, like `snapshot()`. Every model price is
    /// the seed's own (origin `seed`, which outranks imported files). Offers for a GPU the seed does
    /// not list yet (published offers for newer GPUs whose specs come separately) are left out.
    public static func seed() throws -> CatalogSnapshot {
        guard let url = seedURL(in: resourceFolders) else {
            throw CatalogError.unreadableSeed(message: "seed.json is missing: it ships in breakeven_BreakevenCatalog.resources beside the breakeven binary")
        }
        var catalog = try CatalogSeedFile.decode(Data(contentsOf: url)).catalog
        let gpus = Set(catalog.gpus.map(\.id))
        catalog.gpuOffers.removeAll { !gpus.contains($0.gpu) }
        for i in catalog.modelPrices.indices { catalog.modelPrices[i].origin = .seed }
        return catalog.canonical()
    }
}

extension CatalogStore {
    /// Where SwiftPM puts the target's resource bundle: beside the executable (or the test
    /// runner), under its Linux or its macOS name. Looked up by hand because the generated
    /// `Bundle.module` stops the process when the bundle is missing, and a user who copied the
    /// binary alone deserves a sentence instead.
    static var resourceFolders: [URL] {
        let executable = URL(fileURLWithPath: CommandLine.arguments.first ?? ".").resolvingSymlinksInPath().deletingLastPathComponent()
        let candidates = [Bundle.main.bundleURL, Bundle.main.resourceURL, Bundle.main.executableURL?.deletingLastPathComponent(), executable]
        return candidates.compactMap { $0 }.flatMap { folder in
            ["breakeven_BreakevenCatalog.resources", "breakeven_BreakevenCatalog.bundle", "breakeven_BreakevenCatalog.bundle/Contents/Resources"]
                .map { folder.appendingPathComponent($0) }
        }
    }

    /// The first `seed.json` among the folders; nil when none holds one.
    static func seedURL(in folders: [URL]) -> URL? {
        folders.map { $0.appendingPathComponent("seed.json") }.first { FileManager.default.fileExists(atPath: $0.path) }
    }
}

/// `seed.json`: `{"version": 1, "notes": [...], "modelPrices": [...], "gpus": [...], ...}` — the
/// catalog arrays use `CatalogSnapshot`'s own Codable keys, so the seed is exactly what the
/// engine reads, plus a version and notes for the human reader.
struct CatalogSeedFile: Decodable {
    static let supportedVersion = 1

    var version: Int
    var notes: [String]
    var catalog: CatalogSnapshot

    private enum CodingKeys: String, CodingKey {
        case version, notes
    }

    init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        version = try container.decode(Int.self, forKey: .version)
        notes = try container.decodeIfPresent([String].self, forKey: .notes) ?? []
        catalog = try CatalogSnapshot(from: decoder)
    }

    private struct Version: Decodable {
        var version: Int
    }

    static func decode(_ data: Data) throws -> CatalogSeedFile {
        do {
            // The version first: another version may have another shape.
            let version = try JSONDecoder().decode(Version.self, from: data).version
            guard version == supportedVersion else {
                throw CatalogError.unreadableSeed(message: "version \(version) is not supported (expected \(supportedVersion))")
            }
            return try JSONDecoder().decode(CatalogSeedFile.self, from: data)
        } catch is DecodingError {
            throw CatalogError.unreadableSeed(message: PriceFileDecoding.locate(CatalogSeedFile.self, in: data))
        }
    }
}

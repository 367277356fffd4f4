import BreakevenCore
import Foundation

extension CatalogStore {
    /// The catalog shipped inside the tool (`Resources/seed.json`), decoded directly: no database,
    /// so a plain run needs nothing on disk. Canonical form, like `snapshot()`. Every model price is
    /// the seed's own (origin `seed`, which outranks imported files). Offers for a GPU the seed does
    /// not list yet (published offers for newer GPUs whose specs come separately) are left out.
    public static func seed() throws -> CatalogSnapshot {
        guard let url = Bundle.module.url(forResource: "seed", withExtension: "json") else {
            throw CatalogError.unreadableSeed(message: "seed.json is missing from the BreakevenCatalog bundle")
        }
        var catalog = try CatalogSeedFile.decode(Data(contentsOf: url)).catalog
        let gpus = Set(catalog.gpus.map(\.id))
        catalog.gpuOffers.removeAll { !gpus.contains($0.gpu) }
        for i in catalog.modelPrices.indices { catalog.modelPrices[i].origin = .seed }
        return catalog.canonical()
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

// swift-tools-version:6.1
import PackageDescription

let package = Package(
    name: "breakeven",
    platforms: [.macOS(.v13)],
    products: [
        .library(name: "BreakevenCore", targets: ["BreakevenCore"]),
        .library(name: "BreakevenCatalog", targets: ["BreakevenCatalog"]),
        .library(name: "BreakevenUsage", targets: ["BreakevenUsage"]),
        .library(name: "BreakevenStorage", targets: ["BreakevenStorage"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
        .package(url: "https://github.com/apple/swift-crypto", from: "3.12.3"),
    ],
    targets: [
        // Scenario language, diagnostics, simulation engine, analysis, result: Foundation only.
        .target(name: "BreakevenCore", dependencies: [.product(name: "Crypto", package: "swift-crypto")]),
        // Markdown, CSV and JSON renderers: pure functions of a result.
        .target(name: "BreakevenReports", dependencies: ["BreakevenCore"]),
        .executableTarget(
            name: "breakeven",
            dependencies: [
                "BreakevenCore", "BreakevenCatalog", "BreakevenReports", "BreakevenStorage", "BreakevenUsage",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Crypto", package: "swift-crypto"),
            ]
        ),
        // Speed figures (release build): option-months per second, wall time of a run.
        .executableTarget(name: "breakeven-bench", dependencies: ["BreakevenCore", "BreakevenCatalog", "BreakevenReports", "BreakevenUsage"]),
        .testTarget(name: "BreakevenCoreTests", dependencies: ["BreakevenCore"]),
        .testTarget(
            name: "BreakevenReportsTests",
            dependencies: ["BreakevenReports", "BreakevenCore", "BreakevenCatalog"],
            exclude: ["Golden"]
        ),
        // The command line end to end: the built binary's exit statuses and messages, and its
        // terminal tables (depends on the executable so that it is built first). GRDB is for the tests
        // only: the database fuzz damages copies of a catalog, a run history and a usage database.
        .testTarget(name: "BreakevenCLITests", dependencies: ["breakeven", .product(name: "GRDB", package: "GRDB.swift")],
                    exclude: ["Calibration"]),
        // How the three SQLite files (catalog, run history, usage) are opened and read: WAL, busy
        // timeout, schema state (ours, newer, foreign) and strict column reads of damaged rows.
        .target(name: "BreakevenStorage", dependencies: ["BreakevenCore", .product(name: "GRDB", package: "GRDB.swift")]),
        // SQLite pricing/spec catalog (schema, migrations, embedded seed, importers) and run history.
        .target(
            name: "BreakevenCatalog",
            dependencies: ["BreakevenCore", "BreakevenStorage", .product(name: "GRDB", package: "GRDB.swift")],
            resources: [.copy("Resources/seed.json")]
        ),
        .testTarget(
            name: "BreakevenCatalogTests",
            dependencies: ["BreakevenCatalog", "BreakevenCore", "BreakevenStorage"],
            resources: [.copy("Fixtures")]
        ),
        // What a team actually used: its own database file and migrations (usage.sqlite, apart
        // from the price catalog), an importer per export format, the aggregates, and `fit`
        // (a pure function of the aggregates to a workload block).
        .target(
            name: "BreakevenUsage",
            dependencies: ["BreakevenCore", "BreakevenStorage", .product(name: "GRDB", package: "GRDB.swift"),
                           .product(name: "Crypto", package: "swift-crypto")]
        ),
        .testTarget(
            name: "BreakevenUsageTests",
            dependencies: ["BreakevenUsage", "BreakevenCore", "BreakevenStorage"],
            resources: [.copy("Fixtures")]
        ),
    ],
    swiftLanguageModes: [.v6]
)

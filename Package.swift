// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "crm-report",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "crm-report", targets: ["crm-report"]),
    ],
    dependencies: [
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
        .package(url: "https://github.com/hummingbird-project/swift-mustache", from: "2.1.1"),
    ],
    targets: [
        .systemLibrary(name: "CCairo", pkgConfig: "cairo", providers: [.apt(["libcairo2-dev"])]),
        .target(name: "Formatting"),
        .target(name: "Charts", dependencies: ["CCairo", "Formatting"]),
        .executableTarget(name: "chart-gallery", dependencies: ["Charts", "Formatting"]),
        .executableTarget(name: "chart-bench", dependencies: ["Charts", "Formatting"]),
        .systemLibrary(name: "CLibpq", pkgConfig: "libpq", providers: [.apt(["libpq-dev"])]),
        .systemLibrary(name: "CCrypto", pkgConfig: "libcrypto", providers: [.apt(["libssl-dev"])]),
        .target(name: "Mail", dependencies: ["Formatting"]),
        .systemLibrary(name: "CCurl", pkgConfig: "libcurl", providers: [.apt(["libcurl4-openssl-dev"])]),
        .target(name: "MailSend", dependencies: ["Mail", "CCurl"]),
        .target(name: "CRMData", dependencies: [
            "Formatting", "CLibpq", "CCrypto", "Mail",
            .product(name: "GRDB", package: "GRDB.swift"),
            .product(name: "Yams", package: "Yams"),
            .product(name: "GRDBSQLite", package: "GRDB.swift"),
        ]),
        .target(name: "Statistics"),
        .target(name: "Reports", dependencies: ["CRMData", "Formatting", "Statistics"]),
        .target(name: "CPhone", linkerSettings: [.linkedLibrary("phonenumber")]),
        .systemLibrary(name: "CIDN2", pkgConfig: "libidn2", providers: [.apt(["libidn2-dev"])]),
        // The disposable-domain list (data/disposable-email-domains) becomes Swift source at build time.
        .executableTarget(name: "disposable-domains-source"),
        .plugin(name: "DisposableDomainsPlugin", capability: .buildTool(), dependencies: ["disposable-domains-source"]),
        .target(name: "Audits", dependencies: ["CRMData", "Formatting", "CPhone", "CIDN2", .product(name: "Yams", package: "Yams")],
                plugins: ["DisposableDomainsPlugin"]),
        .executableTarget(name: "stale-bench", dependencies: ["Audits", "CRMData", "Formatting"]),
        .target(name: "Results", dependencies: ["CRMData", "Reports", "Audits"]),
        .target(name: "DemoData", dependencies: [
            "CRMData",
            .product(name: "GRDB", package: "GRDB.swift"),
        ]),
        .target(name: "Site", dependencies: [
            "CRMData", "Reports", "Results", "Audits", "Charts", "Formatting", "Mail",
            .product(name: "Mustache", package: "swift-mustache"),
        ]),
        .target(name: "DatasetImport", dependencies: [
            "CRMData", "Formatting",
            .product(name: "GRDB", package: "GRDB.swift")
        ]),
        .executableTarget(name: "crm-report", dependencies: [
            "CRMData", "Reports", "Results", "Audits", "Site", "DemoData", "DatasetImport", "Mail", "MailSend",
            .product(name: "ArgumentParser", package: "swift-argument-parser"),
        ]),
        .target(name: "TestSupport", dependencies: [
            "CRMData", "Formatting",
            .product(name: "GRDB", package: "GRDB.swift"),
        ], path: "Tests/TestSupport"),
        .testTarget(name: "StatisticsTests", dependencies: ["Statistics"]),
        .testTarget(name: "FormattingTests", dependencies: ["Formatting"]),
        .testTarget(name: "ChartsTests", dependencies: ["Charts", "Formatting"], resources: [.copy("Golden")]),
        .testTarget(name: "CRMDataTests", dependencies: ["CRMData", "Formatting", "TestSupport"]),
        .testTarget(name: "ReportsTests", dependencies: ["Reports", "CRMData", "Formatting", "Statistics", "TestSupport"]),
        .testTarget(name: "AuditsTests", dependencies: ["Audits", "CRMData", "Formatting", "TestSupport"]),
        .testTarget(name: "SiteTests", dependencies: ["Site", "Reports", "CRMData", "TestSupport", "DemoData"],
                    exclude: ["Golden"]),  // read from the source folder (#filePath), not bundled
        .testTarget(name: "CLITests", dependencies: ["crm-report", "TestSupport", "DemoData", "Results", "Audits", "CRMData", "Reports",
                                                    .product(name: "Yams", package: "Yams")],
                    exclude: ["Fixtures", "Python"]),  // the JUnit schema; the independent MIME parser and the SMTP server, run by path
        .testTarget(name: "MailTests", dependencies: ["Mail"]),
        .testTarget(name: "BrowserTests", dependencies: ["Site", "CRMData", "Formatting", "DemoData"]),
        .testTarget(name: "PostgresTests", dependencies: ["crm-report", "CRMData", "Site", "DemoData", "TestSupport"]),
        .testTarget(name: "DatasetImportTests", dependencies: ["DatasetImport", "Reports", "CRMData", "TestSupport"]),
    ],
    swiftLanguageModes: [.v6],
    cxxLanguageStandard: .cxx17
)

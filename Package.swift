// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "TeamGraph",
    platforms: [.macOS(.v13)],
    products: [
        .library(name: "TeamGraph", targets: ["TeamGraph"]),
        .library(name: "TeamGraphIO", targets: ["TeamGraphIO"]),
        .library(name: "TeamGraphStore", targets: ["TeamGraphStore"]),
        .library(name: "TeamGraphChart", targets: ["TeamGraphChart"]),
        .library(name: "TeamGraphUseCases", targets: ["TeamGraphUseCases"]),
        .library(name: "TeamGraphServer", targets: ["TeamGraphServer"]),
        .executable(name: "teamgraph", targets: ["teamgraph"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/weichsel/ZIPFoundation", from: "0.9.20"),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
        .package(url: "https://github.com/x-sheep/swift-property-based", from: "2.0.1"),
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1"),
        .package(url: "https://github.com/apple/swift-nio", from: "2.101.2"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
        .package(url: "https://github.com/apple/swift-http-types", from: "1.8.0"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle", from: "2.13.0"),
        .package(url: "https://github.com/vapor/postgres-nio", from: "1.33.2"),
        .package(url: "https://github.com/hummingbird-project/hummingbird-auth", from: "2.5.0"),
        .package(url: "https://github.com/apple/swift-nio-ssl", from: "2.37.6"),
    ],
    targets: [
        .target(name: "TeamGraph"),
        .target(
            name: "TeamGraphIO", dependencies: ["TeamGraph", .product(name: "ZIPFoundation", package: "ZIPFoundation")]),
        .target(name: "TeamGraphHistory", dependencies: ["TeamGraph"]),
        .target(
            name: "TeamGraphAccess",
            dependencies: [
                "TeamGraph", "TeamGraphHistory", .product(name: "HummingbirdBcrypt", package: "hummingbird-auth"),
            ]),
        .target(
            name: "TeamGraphStore",
            dependencies: [
                "TeamGraph", "TeamGraphIO", "TeamGraphHistory", "TeamGraphAccess",
                .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "GRDBSQLite", package: "GRDB.swift"),
            ]
        ),
        .target(name: "TeamGraphLayout"),
        .systemLibrary(
            name: "CGraphviz",
            pkgConfig: "libgvc",
            providers: [.apt(["libgraphviz-dev", "libcairo2-dev"]), .brew(["graphviz", "cairo"])]
        ),
        .target(
            name: "TeamGraphPostgres",
            dependencies: [
                "TeamGraph", "TeamGraphHistory", "TeamGraphAccess",
                .product(name: "PostgresNIO", package: "postgres-nio"),
                .product(name: "Logging", package: "swift-log"), .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOConcurrencyHelpers", package: "swift-nio"),
            ]),
        .target(name: "TeamGraphChart", dependencies: ["TeamGraph", "TeamGraphLayout", "CGraphviz"]),
        .target(
            name: "TeamGraphUseCases",
            dependencies: [
                "TeamGraph", "TeamGraphIO", "TeamGraphStore", "TeamGraphChart", "TeamGraphPostgres", "TeamGraphAccess",
                .product(name: "NIOConcurrencyHelpers", package: "swift-nio"),
            ]
        ),
        .target(
            name: "TeamGraphServer",
            dependencies: [
                "TeamGraph", "TeamGraphIO", "TeamGraphStore", "TeamGraphChart", "TeamGraphUseCases", "TeamGraphAccess",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HummingbirdTLS", package: "hummingbird"),
                .product(name: "NIOSSL", package: "swift-nio-ssl"),
                .product(name: "NIOCore", package: "swift-nio"), .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "NIOConcurrencyHelpers", package: "swift-nio"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            ],
            resources: [
                .embedInCode("Viewer/index.html"), .embedInCode("Viewer/viewer.js"), .embedInCode("Viewer/viewer.css"),
            ]
        ),
        .executableTarget(
            name: "teamgraph",
            dependencies: [
                "TeamGraph", "TeamGraphIO", "TeamGraphStore", "TeamGraphChart", "TeamGraphUseCases", "TeamGraphServer",
                "TeamGraphAccess", .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "NIOConcurrencyHelpers", package: "swift-nio"),
            ]
        ),
        .target(
            name: "TeamGraphTestSupport", dependencies: ["TeamGraph", "TeamGraphIO"], path: "Tests/TeamGraphTestSupport"
        ),
        .testTarget(name: "TeamGraphTests", dependencies: ["TeamGraph", "TeamGraphTestSupport"]),
        .testTarget(name: "TeamGraphIOTests", dependencies: ["TeamGraph", "TeamGraphIO", "TeamGraphTestSupport"]),
        .testTarget(name: "TeamGraphCLITests", dependencies: ["TeamGraphTestSupport"]),
        .testTarget(
            name: "TeamGraphUseCasesTests",
            dependencies: [
                "TeamGraph", "TeamGraphIO", "TeamGraphStore", "TeamGraphChart", "TeamGraphUseCases",
                "TeamGraphTestSupport",
            ]
        ),
        .testTarget(
            name: "TeamGraphStoreTests",
            dependencies: [
                "TeamGraph", "TeamGraphIO", "TeamGraphStore", "TeamGraphPostgres", "TeamGraphTestSupport",
                "TeamGraphAccess", .product(name: "GRDB", package: "GRDB.swift"),
            ]
        ),
        .testTarget(name: "TeamGraphLayoutTests", dependencies: ["TeamGraphLayout"]),
        .testTarget(
            name: "TeamGraphServerTests",
            dependencies: [
                "TeamGraph", "TeamGraphIO", "TeamGraphUseCases", "TeamGraphServer", "TeamGraphTestSupport",
                "TeamGraphAccess", "TeamGraphHistory", .product(name: "HummingbirdTesting", package: "hummingbird"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        .testTarget(
            name: "TeamGraphPropertyTests",
            dependencies: [
                "TeamGraph", "TeamGraphIO", "TeamGraphStore", "TeamGraphTestSupport",
                .product(name: "PropertyBased", package: "swift-property-based"),
            ]
        ),
        .testTarget(
            name: "TeamGraphChartTests",
            dependencies: ["TeamGraph", "TeamGraphIO", "TeamGraphChart", "TeamGraphTestSupport"]
        ),
    ],
    swiftLanguageModes: [.v6]
)

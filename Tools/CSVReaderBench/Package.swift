// swift-tools-version:6.0
// Measures TeamGraph's hand-written CSV reader against CSV.swift on the same file.
// Run through Tools/bench-csv.sh.
import PackageDescription

let package = Package(
    name: "CSVReaderBench",
    dependencies: [
        .package(name: "TeamGraph", path: "../.."),
        .package(url: "https://github.com/yaslab/CSV.swift", from: "2.5.2"),
    ],
    targets: [
        .executableTarget(
            name: "csv-reader-bench",
            dependencies: [
                .product(name: "TeamGraphIO", package: "TeamGraph"),
                .product(name: "CSV", package: "CSV.swift"),
            ]
        )
    ],
    swiftLanguageModes: [.v6]
)

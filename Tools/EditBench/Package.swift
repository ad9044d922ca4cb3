// swift-tools-version:6.0
// Times single store edits (each its own transaction) on an existing store, in one process.
// Run through Tools/bench-edits.sh; the root package does not know about this one.
import PackageDescription

let package = Package(
    name: "EditBench",
    platforms: [.macOS(.v13)],
    dependencies: [.package(name: "TeamGraph", path: "../..")],
    targets: [
        .executableTarget(
            name: "edit-bench",
            dependencies: [
                .product(name: "TeamGraph", package: "TeamGraph"),
                .product(name: "TeamGraphStore", package: "TeamGraph"),
            ]
        )
    ],
    swiftLanguageModes: [.v6]
)

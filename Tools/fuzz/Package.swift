// swift-tools-version:6.0
// libFuzzer harnesses for TeamGraph's readers; built and run by `Tools/fuzz.sh` only (the root package
// does not know about this one). Each executable defines `LLVMFuzzerTestOneInput`; libFuzzer supplies
// `main`, so they link only with `-sanitize=fuzzer` and `-parse-as-library` (see Tools/fuzz.sh).
import PackageDescription

let package = Package(
    name: "TeamGraphFuzz",
    platforms: [.macOS(.v13)],
    dependencies: [.package(name: "TeamGraph", path: "../..")],
    targets: [
        .target(
            name: "FuzzSupport",
            dependencies: [
                .product(name: "TeamGraph", package: "TeamGraph"), .product(name: "TeamGraphIO", package: "TeamGraph"),
            ]),
        .executableTarget(name: "fuzz-people-csv", dependencies: ["FuzzSupport"], path: "Sources/FuzzPeopleCSV"),
        .executableTarget(name: "fuzz-network-json", dependencies: ["FuzzSupport"], path: "Sources/FuzzNetworkJSON"),
        .executableTarget(name: "fuzz-day", dependencies: ["FuzzSupport"], path: "Sources/FuzzDay"),
    ],
    swiftLanguageModes: [.v6]
)

// swift-tools-version:6.1
// ecad: evolutionary caching schedules for diffusion transformers.
// Dependency direction (DESIGN.md section 3): Core and Search are leaves (Core's one outside dependency is
// swift-crypto); the daemon never links the engine; the CLI never links GRDB, OpenBLAS or the engine.
import PackageDescription

let package = Package(
    name: "ecad",
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "ecadd", targets: ["ecadd"]),
        .executable(name: "ecad", targets: ["ecad"]),
        .executable(name: "ecad-worker", targets: ["ecad-worker"]),
    ],
    dependencies: [
        .package(url: "https://github.com/groue/GRDB.swift", exact: "7.10.0"),
        .package(url: "https://github.com/hummingbird-project/hummingbird", exact: "2.28.1", traits: []),
        .package(url: "https://github.com/apple/swift-nio", from: "2.101.2"),
        .package(url: "https://github.com/apple/swift-argument-parser", exact: "1.8.2"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle", exact: "2.13.0"),
        .package(url: "https://github.com/apple/swift-log", exact: "1.16.2"),
        .package(url: "https://github.com/apple/swift-crypto", exact: "4.5.2"),
    ],
    targets: [
        // MARK: Leaves
        .target(name: "ECADCore", dependencies: [.product(name: "Crypto", package: "swift-crypto")]),
        .target(name: "ECADSearch"),
        .target(name: "ECADShapes", dependencies: ["CZlib", "ECADSearch"]),
        .target(name: "ECADReport"),

        // MARK: System libraries
        .systemLibrary(name: "CBLAS", providers: [.apt(["libopenblas-dev"])]),
        .systemLibrary(name: "CZlib", providers: [.apt(["zlib1g-dev"])]),
        .systemLibrary(name: "CSystemd", providers: [.apt(["libsystemd-dev"])]),

        // MARK: Numerics (linked into workers only)
        // CKernels: hand-written AVX2/FMA kernels, always optimized (a -O0 debug build of them would make every
        // debug test of the engine tens of times slower).
        .target(name: "CKernels", cSettings: [.unsafeFlags(["-O2"])]),
        .target(name: "ECADEngine", dependencies: ["CBLAS", "CKernels", "ECADCore", "ECADSearch"]),
        .target(name: "ECADMetrics", dependencies: ["CBLAS", "ECADShapes"]),

        // MARK: Wire formats
        .target(name: "ECADAPI", dependencies: ["ECADCore"]),
        .target(name: "ECADWorkerProtocol", dependencies: ["ECADCore"]),

        // MARK: Daemon side
        .target(
            name: "ECADStore",
            dependencies: ["ECADCore", .product(name: "GRDB", package: "GRDB.swift")]
        ),
        .target(
            name: "ECADDaemon",
            dependencies: [
                "ECADCore", "ECADSearch", "ECADStore", "ECADAPI", "ECADWorkerProtocol", "ECADReport", "CSystemd",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HummingbirdCore", package: "hummingbird"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "Logging", package: "swift-log"),
            ],
            resources: [.embedInCode("UI/Static/app.js"), .embedInCode("UI/Static/style.css")]
        ),

        // MARK: Worker side
        .target(
            name: "ECADWorker",
            dependencies: ["ECADCore", "ECADEngine", "ECADMetrics", "ECADShapes", "ECADWorkerProtocol"]
        ),

        // MARK: CLI
        .target(
            name: "ECADCLI",
            dependencies: [
                "ECADCore", "ECADAPI", "ECADShapes", "ECADSearch",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),

        // MARK: Executables (thin)
        .executableTarget(
            name: "ecadd",
            dependencies: ["ECADDaemon", .product(name: "ArgumentParser", package: "swift-argument-parser")]
        ),
        .executableTarget(name: "ecad", dependencies: ["ECADCLI"]),
        .executableTarget(
            name: "ecad-worker",
            dependencies: ["ECADWorker", .product(name: "ArgumentParser", package: "swift-argument-parser")]
        ),

        // MARK: Tests
        // PNGTestSupport: a PNG decoder (over zlib) for tests that read back what the encoders wrote; no product
        // links it.
        .target(name: "PNGTestSupport", dependencies: ["ECADMetrics", "CZlib"], path: "Tests/PNGTestSupport"),
        .testTarget(name: "ECADCoreTests", dependencies: ["ECADCore", "ECADSearch"], resources: [.copy("Fixtures")]),
        .testTarget(name: "ECADSearchTests", dependencies: ["ECADSearch"]),
        .testTarget(name: "ECADCLITests", dependencies: ["ECADCLI", "ECADCore"]),
        .testTarget(name: "ECADShapesTests", dependencies: ["ECADShapes", "ECADCLI"]),
        .testTarget(
            name: "ECADMetricsTests", dependencies: ["ECADMetrics", "ECADShapes", "ECADReport", "ECADSearch", "PNGTestSupport"],
            resources: [.copy("Fixtures")]
        ),
        .testTarget(name: "ECADReportTests", dependencies: ["ECADReport"]),
        .testTarget(name: "ECADEngineTests", dependencies: ["ECADEngine", "ECADCore", "ECADSearch"]),
        .testTarget(
            name: "ECADWorkerTests", dependencies: ["ECADWorker", "ECADMetrics", "ECADWorkerProtocol", "ECADCore", "PNGTestSupport"]
        ),
        .testTarget(
            name: "ECADStoreTests",
            dependencies: ["ECADStore", "ECADCore", .product(name: "GRDB", package: "GRDB.swift")]
        ),
        .testTarget(name: "ECADAPITests", dependencies: ["ECADAPI", "ECADCore"]),
        .testTarget(
            name: "ECADDaemonTests", dependencies: ["ECADDaemon", "ECADStore", "ECADAPI", "ECADCore", "ECADWorkerProtocol"]
        ),
        .testTarget(name: "ECADIntegrationTests", dependencies: ["ECADAPI", "ECADCore", "ECADSearch"], exclude: ["Fixtures"]),
    ],
    swiftLanguageModes: [.v6]
)

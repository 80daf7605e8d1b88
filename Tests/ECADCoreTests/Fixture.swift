import Foundation
import Testing

/// Loads the published reference schedules copied into `Fixtures/` (see Fixtures/README.md).
enum Fixture {
    static let pixartNames = ["pixart_alpha_256_ours_fast", "pixart_alpha_256_ours_faster", "pixart_alpha_256_ours_fastest"]
    static let fluxName = "flux_256_ours_fast"

    static func bytes(_ name: String) throws -> [UInt8] {
        let url = try #require(Bundle.module.url(forResource: name, withExtension: "json", subdirectory: "Fixtures"))
        return [UInt8](try Data(contentsOf: url))
    }
}

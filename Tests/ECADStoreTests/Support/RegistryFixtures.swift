import ECADCore
import ECADStore
import Foundation

/// Fronts and schedule documents for registry tests.
enum RegistryFixtures {
    /// A pixart-layout schedule whose bits are set from a seeded pattern (distinct `seed` → distinct digest).
    static func document(seed: Int) throws -> ScheduleDocument {
        let layout = try BlockLayout.pixart(blocks: 2)
        var generator = seed &* 2_654_435_761 &+ 1
        let count = 4 * 2 * layout.componentKinds.count
        let bits = (0..<count).map { _ -> Bool in
            generator = generator &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return (generator >> 33) & 1 == 1
        }
        return try ScheduleDocument(
            model: "shapes32", schedule: Schedule(steps: 4, layout: layout, bits: bits), name: "m\(seed)")
    }

    /// A front of (reward, macsRatio) points, named `name`.
    static func front(
        _ points: [(reward: Double, macs: Double)], name: String = "shapes32/quick", uncached: Double = 0.9
    ) throws -> FrontPublication {
        let members = try points.enumerated().map { index, point in
            FrontMember(
                document: try document(seed: index + 1),
                metrics: RegistryMetrics(reward: point.reward, macsRatio: point.macs), generation: 3)
        }
        return FrontPublication(
            name: name, modelID: "shapes32", weightsDigest: "w1", sampler: "dpm-solver++2m/cfg4.5", steps: 4,
            resolution: 32, calibrationPromptSetDigest: "p1", uncachedReward: uncached, jobID: nil,
            seed: 42, softwareVersion: "0.1.0", members: members)
    }

    /// The standard test front (uncached reward 0.9): members 1...5 are (0.90, 1.0), (0.895, 0.8), (0.88, 0.6),
    /// (0.75, 0.3), (0.50, 0.1); by the rules quality = 2, fastest = 3, balanced = 4 (normalised 0.625 − 0.222).
    static func standardFront(name: String = "shapes32/quick") throws -> FrontPublication {
        try front([(0.90, 1.0), (0.895, 0.8), (0.88, 0.6), (0.75, 0.3), (0.50, 0.1)], name: name)
    }

    /// An admin (root), and two users without admin rights.
    static let root = RegistryActor(uid: 0, userName: "root", isAdmin: true)
    static let alice = RegistryActor(uid: 1000, userName: "alice", isAdmin: false)
    static let mallory = RegistryActor(uid: 1001, userName: "mallory", isAdmin: false)

    /// The digest of member `seed` (1-based) of a fixture front.
    static func digest(_ seed: Int) throws -> String { try document(seed: seed).digest.hex }
}

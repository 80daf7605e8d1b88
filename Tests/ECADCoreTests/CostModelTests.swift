import Foundation
import Testing
@testable import ECADCore

struct CostModelTests {
    let pixart = CostModel(config: .pixartAlpha256)

    @Test func pixartComponentMACsAtBatchTwo() throws {
        // D = 1152, N = 256 image tokens, L = 120 text tokens, batch 2.
        #expect(try pixart.componentMACs(.selfAttention) == MACs(linear: 2_717_908_992, attentionScores: 301_989_888))
        #expect(try pixart.componentMACs(.crossAttention) == MACs(linear: 1_995_964_416, attentionScores: 141_557_760))
        #expect(try pixart.componentMACs(.feedForward) == MACs(linear: 5_435_817_984))
        #expect(pixart.restMACs == MACs(linear: 1_498_447_872))
        #expect(throws: ECADCoreError.self) { try pixart.componentMACs(.fullAttention) }
    }

    @Test func fullStepsMatchTheReferenceCounter() {
        // Published: 285,689,806,848 MACs per full PixArt-256 step; 9,934,575,501,312 per FLUX-256 step
        // (at batch 2, which the reference counter used for FLUX too).
        #expect(pixart.fullStepMACs.linear == 285_689_806_848)
        #expect(CostModel.reference(.flux1Dev256).fullStepMACs.linear == 9_934_575_501_312)
        #expect(CostModel.reference(.flux1Dev256).restMACs.linear == 19_643_498_496)
        #expect(CostModel(config: .flux1Dev256).fullStepMACs.linear == 4_967_287_750_656)
    }

    @Test(arguments: Fixture.pixartNames + [Fixture.fluxName])
    func everyStoredStepMACsIsReproducedExactly(name: String) throws {
        let file = try ReferenceSchedule(jsonBytes: try Fixture.bytes(name))
        let cost = CostModel.reference(try ModelConfig.named(file.guessedModelID))
        let stored = try #require(file.metrics?["by_inference_step"]?.objectMembers)
        #expect(stored.count == 20)
        for (key, value) in stored {
            let step = try #require(Int(key))
            #expect(try cost.stepMACs(file.schedule, step: step).linear == value["macs"]?.intValue, "step \(key)")
        }
        #expect(try cost.totalMACs(file.schedule).linear == file.metrics?["total_macs"]?.intValue)
    }

    @Test(arguments: zip(Fixture.pixartNames, [2.68, 3.93, 4.86]))
    func publishedMACRatiosAreReproduced(name: String, ratio: Double) throws {
        let file = try ReferenceSchedule(jsonBytes: try Fixture.bytes(name))
        let speedup = try pixart.speedup(file.schedule, includingAttentionScores: false)
        #expect(abs(speedup / ratio - 1) < 0.01, "\(name): \(speedup)")
        let uncached = pixart.fullStepMACs.linear * 20
        #expect(uncached == 5_713_796_136_960)
    }

    @Test func attentionScoresChangeTheSpeedupSlightly() throws {
        let file = try ReferenceSchedule(jsonBytes: try Fixture.bytes("pixart_alpha_256_ours_fastest"))
        let linear = try pixart.speedup(file.schedule, includingAttentionScores: false)
        let withScores = try pixart.speedup(file.schedule, includingAttentionScores: true)
        #expect(withScores != linear && abs(withScores / linear - 1) < 0.02)
    }

    @Test func layoutMismatchIsRefused() throws {
        let fluxSchedule = try ModelConfig.flux1Dev256.uncachedSchedule()
        let error = try #require(throws: ECADCoreError.self) { try pixart.totalMACs(fluxSchedule) }
        #expect(error.description.contains("model pixart-alpha-256 has 28"))
    }

    @Test func diffusersConfigGivesTheSameCostsAsTheBuiltInModel() throws {
        let json = """
            {"_class_name": "PixArtTransformer2DModel", "activation_fn": "gelu-approximate", "attention_bias": true,
             "attention_head_dim": 72, "caption_channels": 4096, "cross_attention_dim": 1152, "in_channels": 4,
             "norm_type": "ada_norm_single", "num_attention_heads": 16, "num_layers": 28, "out_channels": 8,
             "patch_size": 2, "sample_size": 32, "use_additional_conditions": false}
            """
        let config = try ModelConfig.pixart(fromDiffusersConfig: Array(json.utf8), id: "alpha-from-config", textTokens: 120)
        #expect(config.resolution == (try Resolution.square(256)))
        #expect(CostModel(config: config).fullStepMACs == pixart.fullStepMACs)
    }

    @Test func shapesStyleConfigIsCosted() throws {
        let json = """
            {"sample_size": 32, "patch_size": 4, "in_channels": 3, "out_channels": 3, "num_layers": 6,
             "num_attention_heads": 4, "attention_head_dim": 32, "cross_attention_dim": 128, "caption_channels": 64}
            """
        let config = try ModelConfig.pixart(fromDiffusersConfig: Array(json.utf8))
        #expect(config.id == "shapes32")
        #expect(config.layout.blockCount == 6)
        #expect(config.resolution.width == 32)
        let cost = CostModel(config: config)
        // N = 64 tokens, D = 128, L = 16, batch 2: self-attn linear 4·N·D² = 4,194,304 per sequence.
        #expect(try cost.componentMACs(.selfAttention).linear == 8_388_608)
        #expect(try cost.componentMACs(.feedForward).linear == 2 * 8 * 64 * 128 * 128)
    }

    @Test func badDiffusersConfigsNameTheKey() throws {
        let missing = try #require(throws: ECADCoreError.self) {
            try ModelConfig.pixart(fromDiffusersConfig: Array(#"{"num_layers": 2}"#.utf8))
        }
        #expect(missing.description.contains("config.json.num_attention_heads"))
        let unet = try #require(throws: ECADCoreError.self) {
            try ModelConfig.pixart(fromDiffusersConfig: Array(#"{"norm_type": "layer_norm"}"#.utf8))
        }
        #expect(unet.description.contains("norm_type"))
    }

    @Test func registryKnowsBuiltInsAndAddedModels() throws {
        var registry = ModelRegistry()
        #expect(registry.ids == ["flux1-dev-256", "pixart-alpha-256", "pixart-sigma-256", "shapes32"])
        #expect(try registry.config(named: "shapes32") == ModelConfig.shapes32)
        let error = try #require(throws: ECADCoreError.self) { try ModelConfig.named("shapes64") }
        #expect(error.description.contains("shapes32"))
        registry.add(try ModelConfig.pixart(fromDiffusersConfig: Array(
            #"{"sample_size": 32, "patch_size": 4, "in_channels": 3, "num_layers": 2, "num_attention_heads": 2, "attention_head_dim": 8}"#.utf8
        )))
        #expect(try registry.config(named: "shapes32").layout.blockCount == 2)
    }

    /// The built-in shapes32 is exactly what its shipped diffusers config describes, so the two never drift.
    @Test func builtInShapes32MatchesTheShippedConfig() throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent()
        let data = try Data(contentsOf: root.appendingPathComponent("models/shapes32/transformer/config.json"))
        let parsed = try ModelConfig.pixart(fromDiffusersConfig: [UInt8](data), id: "shapes32")
        #expect(try ModelConfig.named("shapes32") == parsed)
        #expect(parsed.resolution == ModelConfig.shapes32.resolution)
    }
}

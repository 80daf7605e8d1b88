import Foundation
import Testing
@testable import ECADEngine

/// safetensors decoding and the errors for missing or misshaped tensors.
struct WeightLoadingTests {
    @Test func safetensorsRoundTripsF32() throws {
        let tensors = ["a": Tensor(shape: [2, 2], scalars: [1, -2, 3.5, 0]), "b": Tensor(shape: [1], scalars: [7])]
        let decoded = try SafeTensors.decode(try SafeTensors.encode(tensors), path: "memory")
        #expect(decoded == tensors)
    }

    @Test func halfPrecisionDTypesConvertToFloat() throws {
        // F16 1.0 = 0x3C00, -2.0 = 0xC000; BF16 1.0 = 0x3F80, 0.5 = 0x3F00.
        let header = #"{"h":{"dtype":"F16","shape":[2],"data_offsets":[0,4]},"b":{"dtype":"BF16","shape":[2],"data_offsets":[4,8]}}"#
        var bytes = [UInt8](repeating: 0, count: 8)
        let headerBytes = Array(header.utf8)
        for i in 0..<8 { bytes[i] = UInt8((headerBytes.count >> (8 * i)) & 0xFF) }
        bytes += headerBytes + [0x00, 0x3C, 0x00, 0xC0, 0x80, 0x3F, 0x00, 0x3F]
        let tensors = try SafeTensors.decode(Data(bytes), path: "memory")
        #expect(tensors["h"]?.scalars == [1, -2])
        #expect(tensors["b"]?.scalars == [1, 0.5])
    }

    @Test func unsupportedDTypeAndTruncatedFilesAreNamed() {
        #expect(throws: EngineError.malformedSafetensors(path: "x", reason: "shorter than 8 bytes")) {
            try SafeTensors.decode(Data([1, 2]), path: "x")
        }
        let header = Array(#"{"q":{"dtype":"U8","shape":[1],"data_offsets":[0,1]}}"#.utf8)
        var bytes = [UInt8(header.count), 0, 0, 0, 0, 0, 0, 0] + header
        bytes.append(5)
        #expect(throws: EngineError.unsupportedDType(name: "q", dtype: "U8")) { try SafeTensors.decode(Data(bytes), path: "x") }
    }

    @Test func missingAndMisshapedTensorsAreNamed() throws {
        let config = try TestModels.config(TestModels.configJSON())
        var tensors = TestModels.randomTensors(config, seed: 1)
        tensors["transformer_blocks.1.attn2.to_k.weight"] = nil
        #expect(throws: EngineError.missingTensor(name: "transformer_blocks.1.attn2.to_k.weight", file: "f")) {
            try PixArtWeights(reader: WeightReader(tensors: tensors, file: "f"), config: config)
        }
        tensors = TestModels.randomTensors(config, seed: 1)
        tensors["proj_out.weight"] = Tensor.zeros([5, 16])
        let error = #expect(throws: EngineError.self) {
            try PixArtWeights(reader: WeightReader(tensors: tensors, file: "f"), config: config)
        }
        #expect(error?.description == "tensor 'proj_out.weight' has shape [5, 16], expected [12, 16]")
    }

    @Test func configRejectsUnsupportedModels() throws {
        var config = try TestModels.config(TestModels.configJSON())
        config.normType = "layer_norm"
        #expect(throws: EngineError.self) { try config.validate(path: "c") }
        config = try TestModels.config(TestModels.configJSON(sampleSize: 9))
        #expect(throws: EngineError.self) { try config.validate(path: "c") }
        #expect(throws: Never.self) { try TestModels.config(TestModels.configJSON()).validate(path: "c") }
    }
}

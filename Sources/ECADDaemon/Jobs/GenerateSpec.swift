import ECADAPI
import ECADCore
import ECADWorkerProtocol
import Foundation

/// The spec of a `generate` job: render prompts × seeds under one schedule.
///
/// Temporary home: the job-spec types proper (with TOML and defaults for every kind) come with ECADCore's
/// Specs; this covers the fields the generate runner needs, strictly (unknown fields are refused).
package struct GenerateSpec: Decodable, Sendable, Equatable {
    /// Model id the worker loads (default `shapes32`).
    package var model: String
    /// A diffusers-format model directory, when not a built-in model.
    package var modelPath: String?
    /// Prompts to render (1 to 1000).
    package var prompts: [String]
    /// Seeds; each prompt is rendered once per seed (default `[0]`).
    package var seeds: [UInt64]
    /// Sampler settings (default DPM-Solver++ 2M, 20 steps, guidance 4.5).
    package var sampler: SamplerSettings
    /// The caching schedule; absent means no caching.
    package var schedule: WireSchedule?

    private static let knownFields: Set<String> = ["model", "model_path", "prompts", "seeds", "sampler", "schedule"]
    private static let samplerFields: Set<String> = ["name", "steps", "guidance"]

    private enum CodingKeys: String, CodingKey {
        case model, prompts, seeds, sampler, schedule
        case modelPath = "model_path"
    }

    package init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        model = try container.decodeIfPresent(String.self, forKey: .model) ?? "shapes32"
        modelPath = try container.decodeIfPresent(String.self, forKey: .modelPath)
        prompts = try container.decode([String].self, forKey: .prompts)
        seeds = try container.decodeIfPresent([UInt64].self, forKey: .seeds) ?? [0]
        sampler = try container.decodeIfPresent(SamplerSettings.self, forKey: .sampler) ?? SamplerSettings()
        schedule = try container.decodeIfPresent(WireSchedule.self, forKey: .schedule)
    }

    /// Parses and checks a spec.
    /// - Throws: ``DaemonError/invalidSpec(field:message:)`` naming the field (`spec.prompts`, ...).
    package static func parse(_ spec: JSONValue) throws(DaemonError) -> GenerateSpec {
        guard case .object(let fields) = spec else {
            throw .invalidSpec(field: "spec", message: "must be an object, not \(spec.typeName)")
        }
        if let unknown = fields.map(\.key).sorted().first(where: { !knownFields.contains($0) }) {
            throw .invalidSpec(field: "spec.\(unknown)", message: "unknown field")
        }
        if case .object(let sampler)? = spec["sampler"],
            let unknown = sampler.map(\.key).sorted().first(where: { !samplerFields.contains($0) })
        {
            throw .invalidSpec(field: "spec.sampler.\(unknown)", message: "unknown field")
        }
        let parsed: GenerateSpec
        do {
            parsed = try JSONDecoder().decode(GenerateSpec.self, from: APIJSON.makeEncoder().encode(spec))
        } catch let error as DecodingError {
            throw Self.describe(error)
        } catch {
            throw .invalidSpec(field: "spec", message: "\(error)")
        }
        try parsed.check()
        return parsed
    }

    private func check() throws(DaemonError) {
        guard (1...1000).contains(prompts.count) else {
            throw .invalidSpec(field: "spec.prompts", message: "needs 1 to 1000 prompts, got \(prompts.count)")
        }
        if let long = prompts.firstIndex(where: { $0.utf8.count > 2000 }) {
            throw .invalidSpec(field: "spec.prompts.\(long)", message: "longer than 2000 bytes")
        }
        guard (1...1000).contains(seeds.count) else {
            throw .invalidSpec(field: "spec.seeds", message: "needs 1 to 1000 seeds, got \(seeds.count)")
        }
        guard !model.isEmpty, model.utf8.count <= 200, !model.contains("/"), !model.contains("..") else {
            throw .invalidSpec(field: "spec.model", message: "must be a model id like shapes32, without / or ..")
        }
        guard (1...1000).contains(sampler.steps) else {
            throw .invalidSpec(field: "spec.sampler.steps", message: "must be within 1...1000")
        }
    }

    private static func describe(_ error: DecodingError) -> DaemonError {
        func field(_ path: [any CodingKey]) -> String {
            (["spec"] + path.map { $0.intValue.map(String.init) ?? $0.stringValue }).joined(separator: ".")
        }
        switch error {
        case .keyNotFound(let key, let context):
            return .invalidSpec(field: field(context.codingPath + [key]), message: "missing")
        case .typeMismatch(let type, let context):
            return .invalidSpec(field: field(context.codingPath), message: "wrong type, expected \(type)")
        case .valueNotFound(_, let context):
            return .invalidSpec(field: field(context.codingPath), message: "must not be null")
        case .dataCorrupted(let context):
            return .invalidSpec(field: field(context.codingPath), message: context.debugDescription)
        @unknown default:
            return .invalidSpec(field: "spec", message: "\(error)")
        }
    }
}

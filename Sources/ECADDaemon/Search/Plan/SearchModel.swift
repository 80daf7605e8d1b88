import ECADCore
import Foundation

/// The model a search runs on: its cost-model config, its folder (if it has one) and its digest.
///
/// A model with a folder `<modelsDirectory>/<id>/` (diffusers layout, e.g. `shapes32`) is read from
/// `transformer/config.json`; otherwise the id must be a built-in (``ModelConfig/named(_:)``).
///
/// The model digest that keys evaluations is, in order of preference: sha256 of the folder's
/// `transformer/diffusion_pytorch_model.safetensors` (the weights: retraining invalidates the cache),
/// else sha256 of `transformer/config.json`, else the digest the worker reports when it loads the model,
/// else sha256 of `builtin:<id>`.
package struct SearchModel: Sendable {
    /// The model id (`shapes32`, `pixart-alpha-256`, ...).
    package let id: String
    /// Cost-model config (layout, MACs).
    package let config: ModelConfig
    /// The model's folder, when it has one (sent to the worker as the load path).
    package let directory: URL?
    /// The file the folder's digest is computed from (weights, else config), when there is a folder.
    package let digestSource: URL?

    /// Resolves `id` against `modelsDirectory` and the built-in models.
    /// - Throws: ``DaemonError/invalidSpec(field:message:)`` naming `search.model`.
    package init(id: String, modelsDirectory: URL?) throws(DaemonError) {
        self.id = id
        let folder = modelsDirectory?.appendingPathComponent(id, isDirectory: true)
        let configFile = folder?.appendingPathComponent("transformer/config.json")
        if let folder, let configFile, let configData = FileManager.default.contents(atPath: configFile.path) {
            do {
                config = try ModelConfig.pixart(fromDiffusersConfig: configData, id: id)
            } catch {
                throw .invalidSpec(field: "search.model", message: "\(configFile.path): \(error.description)")
            }
            directory = folder
            let weights = folder.appendingPathComponent("transformer/diffusion_pytorch_model.safetensors")
            digestSource = FileManager.default.fileExists(atPath: weights.path) ? weights : configFile
        } else {
            do {
                config = try ModelConfig.named(id)
            } catch {
                let place = modelsDirectory.map { " (no \($0.path)/\(id)/transformer/config.json)" } ?? " (no models directory set)"
                throw .invalidSpec(field: "search.model", message: error.description + place)
            }
            directory = nil
            digestSource = nil
        }
    }

    /// The digest to key evaluations with, given what the worker reported on load. Hashes the weights
    /// file (so call it once per run, not at submit time).
    /// - Throws: ``DaemonError/invalidSpec(field:message:)`` when the file cannot be read.
    package func digest(workerDigest: String?) throws(DaemonError) -> String {
        if let digestSource {
            guard let data = FileManager.default.contents(atPath: digestSource.path) else {
                throw .invalidSpec(field: "search.model", message: "cannot read \(digestSource.path)")
            }
            return SHA256.hexDigest(data)
        }
        return workerDigest ?? SHA256.hexDigest(Array("builtin:\(id)".utf8))
    }
}
